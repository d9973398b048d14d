#!/bin/sh
# Writes examples/city/: the 2020 and 2021 reports of twelve bureaus of an
# invented district, 青石市临江区, laid out as BUREAU/YEAR.yaml with a
# project file.  The numbers come from a small linear congruential generator
# with a fixed seed, so every run writes the same bytes; they are varied by
# bureau and year, every table adds up (一+二 = 三（七）+四 in each column),
# and each 2021 report's 上年结转 is the 2020 report's 结转下年度, column by
# column.  The narratives are adapted from the five seeds in tests/seeds/.
#
#   tools/gen-city.sh [DIR]              the tree (default examples/city)
#   tools/gen-city.sh --mismatch [DIR]   two bureaus only, one of whose 2021
#                                        上年结转 does not match 2020's
#                                        结转下年度 (default tests/city-mismatch)
#
# Files it writes are overwritten; nothing else in DIR is touched.  Only
# POSIX sh and awk are used.
set -eu
LC_ALL=C
export LC_ALL

mismatch=0
if [ "${1:-}" = --mismatch ]; then
	mismatch=1
	shift
fi
if [ $mismatch = 1 ]; then
	out=${1:-tests/city-mismatch}
else
	out=${1:-examples/city}
fi
mkdir -p "$out"

awk -v out="$out" -v mismatch="$mismatch" '
# ---- the generator: Park-Miller, exact in the doubles awk computes with ----
function rnd(n) { seed = (seed * 16807) % 2147483647; return n > 0 ? seed % n : 0 }
function between(a, b) { return a + rnd(b - a + 1) }
function pick(w, n,    total, i, x) {       # index 1..n, weighted by w[1..n]
	total = 0
	for (i = 1; i <= n; i++) total += w[i]
	x = rnd(total)
	for (i = 1; i <= n; i++) { if (x < w[i]) return i; x -= w[i] }
	return n
}
function min(a, b) { return a < b ? a : b }

# ---- the bureaus ----------------------------------------------------------
function bureau(d, name, self, focus, reqlo, reqhi, lic, pen, coe, style) {
	nb++
	B_dir[nb] = d; B_name[nb] = name; B_self[nb] = self; B_focus[nb] = focus
	B_reqlo[nb] = reqlo; B_reqhi[nb] = reqhi
	B_lic[nb] = lic; B_pen[nb] = pen; B_coe[nb] = coe
	B_style[nb] = style
}

# ---- one year of one bureau ------------------------------------------------
# Requests: R[b, y, row, col] for the leaf rows of the edition and the six
# applicant columns; totals are added up when printed.
function gen_requests(b, y,    r, c, u, k, t, cf, cap, n) {
	n = between(B_reqlo[b], B_reqhi[b])
	for (c = 1; c <= 6; c++) { R[b, y, "received", c] = 0 }
	for (u = 1; u <= n; u++) { c = pick(colw, 6); R[b, y, "received", c]++ }
	for (c = 1; c <= 6; c++) {
		if (y == 2020)
			R[b, y, "carried_over", c] = c == 1 ? rnd(int(B_reqhi[b] / 12) + 1) : (B_reqhi[b] >= 30 && rnd(5) == 0)
		else
			R[b, y, "carried_over", c] = R[b, 2020, "carried_forward", c]
	}
	nout = y == 2020 ? nout19 : nout21
	for (k = 1; k <= nout; k++)
		for (c = 1; c <= 6; c++) R[b, y, OUT[y, k], c] = 0
	for (c = 1; c <= 6; c++) {
		t = R[b, y, "received", c] + R[b, y, "carried_over", c]
		cap = c == 1 ? int(B_reqhi[b] / 15) + 1 : 1
		cf = t > 0 ? rnd(min(t, cap) + 1) : 0
		if (cf > 0 && rnd(3) == 0) cf--
		R[b, y, "carried_forward", c] = cf
		for (u = 1; u <= t - cf; u++) {
			if (y == 2020) k = pick(outw19, nout)
			else k = pick(outw21, nout)
			R[b, y, OUT[y, k], c]++
		}
	}
}

function split_units(n, w, m, dst,    u, k) {  # n units over m weighted parts
	for (k = 1; k <= m; k++) dst[k] = 0
	for (u = 1; u <= n; u++) dst[pick(w, m)]++
}

function gen_appeals(b, y,    v, rows, k, r) {
	v = int((B_reqlo[b] + B_reqhi[b]) / 25)
	rows[1] = v > 0 ? rnd(v + 2) : 0
	rows[2] = v > 1 ? rnd(int(v / 2) + 2) : 0
	rows[3] = v > 2 ? rnd(2) : 0
	for (r = 1; r <= 3; r++) {
		split_units(rows[r], appw, 4, tmp)
		for (k = 1; k <= 4; k++) A[b, y, r, k] = tmp[k]
	}
}

function amount(x, places) {              # x in 1/10^places of 万元
	if (x == 0) return "0"
	if (places == 4) return sprintf("%d.%04d", int(x / 10000), x % 10000)
	return sprintf("%d.%02d", int(x / 100), x % 100)
}

function gen_proactive(b, y,    lic, pen, coe) {
	lic = B_lic[b]; pen = B_pen[b]; coe = B_coe[b]
	if (y == 2020) {
		P[b, y, "made"] = B_style[b] == 3 ? rnd(2) : rnd(4)
		P[b, y, "published"] = P[b, y, "made"] - (P[b, y, "made"] > 0 && rnd(3) == 0)
		P[b, y, "public_total"] = P[b, y, "published"] + between(2, 14)
		P[b, y, "lic_items"] = lic ? between(8, 60) : 0
		P[b, y, "lic_change"] = lic ? between(-3, 4) : 0
		P[b, y, "lic"] = lic ? between(int(lic * 7 / 10), lic) : 0
		P[b, y, "svc_items"] = rnd(3) ? between(0, 12) : 0
		P[b, y, "svc_change"] = P[b, y, "svc_items"] ? between(-1, 2) : 0
		P[b, y, "svc"] = P[b, y, "svc_items"] ? between(0, 40) : 0
		P[b, y, "pen_items"] = pen ? between(20, 180) : 0
		P[b, y, "pen_change"] = pen ? between(-5, 6) : 0
		P[b, y, "pen"] = pen ? between(int(pen * 6 / 10), pen) : 0
		P[b, y, "coe_items"] = coe ? between(2, 12) : 0
		P[b, y, "coe_change"] = coe ? between(-1, 1) : 0
		P[b, y, "coe"] = coe ? between(0, coe) : 0
		P[b, y, "fee_items"] = rnd(3) == 0 ? between(1, 4) : 0
		P[b, y, "fee_change"] = P[b, y, "fee_items"] ? -rnd(2) : 0
		P[b, y, "proc"] = between(0, 6)
		P[b, y, "proc_places"] = rnd(3) == 0 ? 4 : 2
		P[b, y, "proc_amount"] = P[b, y, "proc"] ? between(150, 90000) * (P[b, y, "proc_places"] == 4 ? 100 : 1) + (P[b, y, "proc_places"] == 4 ? rnd(100) : 0) : 0
	} else {
		P[b, y, "issued"] = B_style[b] == 3 ? rnd(2) : rnd(4)
		P[b, y, "repealed"] = rnd(3) == 0 ? rnd(2) : 0
		P[b, y, "in_force"] = P[b, 2020, "public_total"] + P[b, y, "issued"] - P[b, y, "repealed"]
		P[b, y, "lic"] = lic ? between(int(lic * 8 / 10), int(lic * 13 / 10)) : 0
		P[b, y, "pen"] = pen ? between(int(pen * 7 / 10), int(pen * 12 / 10)) : 0
		P[b, y, "coe"] = coe ? between(0, coe) : 0
		P[b, y, "fees"] = P[b, 2020, "fee_items"] ? between(20, 2500) : 0
	}
	P[b, y, "posted"] = between(40, 420)
	P[b, y, "social"] = between(30, 600)
	P[b, y, "explained"] = between(2, 12)
	P[b, y, "day"] = between(8, 28)
	P[b, y, "tel"] = between(1000000, 9999999)
}

# ---- writing ----------------------------------------------------------------
function row(vals, n,    s, i) {
	s = "["
	for (i = 1; i <= n; i++) s = s (i > 1 ? ", " : "") vals[i]
	return s "]"
}

function req_line(f, indent, key, b, y, r,    c, tot, v) {
	tot = 0
	for (c = 1; c <= 6; c++) { v[c] = R[b, y, r, c]; tot += v[c] }
	v[7] = tot
	printf "%s%-" (22 - length(indent)) "s %s\n", indent, key ":", row(v, 7) > f
}

function sum_rows(b, y, prefix, c,    k, s, nout) {
	nout = y == 2020 ? nout19 : nout21
	s = 0
	for (k = 1; k <= nout; k++)
		if (prefix == "" || index(OUT[y, k], prefix) == 1) s += R[b, y, OUT[y, k], c]
	return s
}

function total_line(f, key, b, y,    c, tot, v) {
	tot = 0
	for (c = 1; c <= 6; c++) { v[c] = sum_rows(b, y, "", c); tot += v[c] }
	v[7] = tot
	printf "  %-20s %s\n", key ":", row(v, 7) > f
}

function fill(s, b, y) {                  # the placeholders of the narratives
	gsub(/@A@/, B_name[b], s)
	gsub(/@S@/, B_self[b], s)
	gsub(/@F@/, B_focus[b], s)
	gsub(/@Y@/, y, s)
	gsub(/@Y1@/, y + 1, s)
	gsub(/@N@/, P[b, y, "posted"], s)
	gsub(/@M@/, P[b, y, "social"], s)
	gsub(/@P@/, P[b, y, "explained"], s)
	gsub(/@R@/, NREQ[b, y, "received"], s)
	gsub(/@C@/, NREQ[b, y, "carried_over"], s)
	gsub(/@D@/, NREQ[b, y, "done"], s)
	gsub(/@K@/, NREQ[b, y, "carried_forward"], s)
	gsub(/@TEL@/, P[b, y, "tel"], s)
	return s
}

# A narrative: lines of TEXT[style, part, i], each "YEARS|text" where YEARS
# is 2020, 2021 or "*" (both); "head: text" makes a subheading item.
function narrative(f, key, comment, b, y, part,    st, i, line, years, text) {
	printf "%s:  # %s\n", key, comment > f
	st = B_style[b]
	for (i = 1; (st, part, i) in TEXT; i++) {
		line = TEXT[st, part, i]
		years = substr(line, 1, index(line, "|") - 1)
		text = substr(line, index(line, "|") + 1)
		if (years != "*" && years != y) continue
		printf "  - %s\n", fill(text, b, y) > f
	}
	printf "\n" > f
}

function count_requests(b, y,    c) {
	NREQ[b, y, "received"] = NREQ[b, y, "carried_over"] = NREQ[b, y, "done"] = NREQ[b, y, "carried_forward"] = 0
	for (c = 1; c <= 6; c++) {
		NREQ[b, y, "received"] += R[b, y, "received", c]
		NREQ[b, y, "carried_over"] += R[b, y, "carried_over", c]
		NREQ[b, y, "done"] += sum_rows(b, y, "", c)
		NREQ[b, y, "carried_forward"] += R[b, y, "carried_forward", c]
	}
}

function write_report(b, y, broken,    f, i, ps, k, r, c, v, tot, labels, key, id, group, sub_) {
	f = out "/" B_dir[b] "/" y ".yaml"
	count_requests(b, y)
	printf "# %s%d年政府信息公开工作年度报告（虚构的示例数据）。\n", B_name[b], y > f
	printf "# 由 tools/gen-city.sh 生成：改数据请改脚本，再运行它。\n" > f
	if (broken)
		printf "# 故意的错误：自然人一列的上年结转比2020年报告的结转下年度多1件（tests/suites/city.sh 用它检验结转核对）。\n" > f
	printf "year: %d\n", y > f
	printf "agency: %s\n", B_name[b] > f
	if (b % 2)
		printf "date: %d-01-%02d\n", y + 1, P[b, y, "day"] > f
	else
		printf "date: %d年1月%d日\n", y + 1, P[b, y, "day"] > f
	if (y == 2021 && B_dir[b] == "wenlv")   # the sibling 2020.yaml is found anyway; this names it
		printf "previous: 2020.yaml\n" > f
	printf "\n" > f
	if (y == 2021 || b % 3 == 0) {
		printf "preface:\n" > f
		ps = y == 2021 ? 1 : 0
		for (i = 1; (ps, "preface", i) in TEXT; i++)
			printf "  - %s\n", fill(TEXT[ps, "preface", i], b, y) > f
		printf "\n" > f
	}
	narrative(f, "overview", "一、总体情况", b, y, "overview")

	labels = b % 3 == 2                       # some bureaus key the rows by their Chinese labels
	printf "proactive:  # 二、主动公开政府信息情况\n" > f
	if (y == 2020) {
		printf "  %s [0, 0, 0]%s\n", labels ? "规章:" : "regulations:        ", labels ? "" : "  # 本年新制作数量, 本年新公开数量, 对外公开总数量" > f
		printf "  %s [%d, %d, %d]\n", labels ? "规范性文件:" : "normative_documents:", P[b, y, "made"], P[b, y, "published"], P[b, y, "public_total"] > f
		printf "  %s [%d, %d, %d]%s\n", labels ? "行政许可:" : "licensing:          ", P[b, y, "lic_items"], P[b, y, "lic_change"], P[b, y, "lic"], labels ? "" : "  # 上一年项目数量, 本年增/减, 处理决定数量" > f
		printf "  %s [%d, %d, %d]\n", labels ? "其他对外管理服务事项:" : "other_services:     ", P[b, y, "svc_items"], P[b, y, "svc_change"], P[b, y, "svc"] > f
		printf "  %s [%d, %d, %d]\n", labels ? "行政处罚:" : "penalties:          ", P[b, y, "pen_items"], P[b, y, "pen_change"], P[b, y, "pen"] > f
		printf "  %s [%d, %d, %d]\n", labels ? "行政强制:" : "coercion:           ", P[b, y, "coe_items"], P[b, y, "coe_change"], P[b, y, "coe"] > f
		printf "  %s [%d, %d]\n", labels ? "行政事业性收费:" : "fees:               ", P[b, y, "fee_items"], P[b, y, "fee_change"] > f
		printf "  %s [%d, %s]%s\n", labels ? "政府集中采购:" : "procurement:        ", P[b, y, "proc"], amount(P[b, y, "proc_amount"], P[b, y, "proc_places"]), labels ? "" : "  # 采购项目数量, 采购总金额（万元）" > f
	} else {
		printf "  %s [0, 0, 0]%s\n", labels ? "规章:" : "regulations:        ", labels ? "" : "  # 本年制发件数, 本年废止件数, 现行有效件数" > f
		printf "  %s [%d, %d, %d]\n", labels ? "行政规范性文件:" : "normative_documents:", P[b, y, "issued"], P[b, y, "repealed"], P[b, y, "in_force"] > f
		printf "  %s %d%s\n", labels ? "行政许可:" : "licensing:          ", P[b, y, "lic"], labels ? "" : "  # 本年处理决定数量" > f
		printf "  %s %d\n", labels ? "行政处罚:" : "penalties:          ", P[b, y, "pen"] > f
		printf "  %s %d\n", labels ? "行政强制:" : "coercion:           ", P[b, y, "coe"] > f
		printf "  %s %s%s\n", labels ? "行政事业性收费:" : "fees:               ", amount(P[b, y, "fees"], 2), labels ? "" : "  # 本年收费金额（万元）" > f
	}
	printf "\n" > f

	printf "requests:  # 三、收到和处理政府信息公开申请情况\n" > f
	printf "  #                     自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n" > f
	req_line(f, "  ", "received", b, y, "received")
	req_line(f, "  ", "carried_over", b, y, "carried_over")
	group = ""
	nout = y == 2020 ? nout19 : nout21
	for (k = 1; k <= nout; k++) {
		id = OUT[y, k]
		if (index(id, ".")) {
			key = substr(id, 1, index(id, ".") - 1)
			sub_ = substr(id, index(id, ".") + 1)
			if (key != group) { printf "  %s:\n", key > f; group = key }
			req_line(f, "    ", sub_, b, y, id)
		} else {
			group = ""
			req_line(f, "  ", id, b, y, id)
		}
	}
	total_line(f, "results_total", b, y)
	req_line(f, "  ", "carried_forward", b, y, "carried_forward")
	printf "\n" > f

	printf "appeals:  # 四、政府信息公开行政复议、行政诉讼情况\n" > f
	printf "  #                        结果维持 结果纠正 其他结果 尚未审结 总计\n" > f
	for (r = 1; r <= 3; r++) {
		tot = 0
		for (c = 1; c <= 4; c++) { v[c] = A[b, y, r, c]; tot += v[c] }
		v[5] = tot
		printf "  %-24s %s\n", APPEAL[r] ":", row(v, 5) > f
	}
	printf "\n" > f
	narrative(f, "problems", "五、存在的主要问题及改进情况", b, y, "problems")
	narrative(f, "other_matters", "六、其他需要报告的事项", b, y, "other_matters")
	close(f)
}

BEGIN {
	seed = 20211231
	# applicant columns: 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他
	split("74 12 1 2 8 3", colw, " ")
	# outcomes (leaf rows of 三、本年度办理结果) and how often each happens
	nout19 = split("granted partly_granted withheld.state_secret withheld.prohibited withheld.security withheld.third_party withheld.internal withheld.deliberative withheld.enforcement_files withheld.inquiry unavailable.not_held unavailable.needs_creation unavailable.unclear not_processed.complaint not_processed.repeated not_processed.publication not_processed.excessive not_processed.confirmation other", o19, " ")
	split("420 90 1 4 3 35 20 25 15 20 180 40 25 30 25 5 3 10 45", outw19, " ")
	nout21 = split("granted partly_granted withheld.state_secret withheld.prohibited withheld.security withheld.third_party withheld.internal withheld.deliberative withheld.enforcement_files withheld.inquiry unavailable.not_held unavailable.needs_creation unavailable.unclear not_processed.complaint not_processed.repeated not_processed.publication not_processed.excessive not_processed.confirmation other.no_correction other.unpaid_fee other.other", o21, " ")
	split("420 90 1 4 3 35 20 25 15 20 180 40 25 30 25 5 3 10 30 4 12", outw21, " ")
	for (k = 1; k <= nout19; k++) OUT[2020, k] = o19[k]
	for (k = 1; k <= nout21; k++) OUT[2021, k] = o21[k]
	split("", tmp)
	split("60 15 10 15", appw, " ")           # 维持 纠正 其他 尚未审结
	APPEAL[1] = "review"; APPEAL[2] = "litigation_direct"; APPEAL[3] = "litigation_after_review"

	#       dir        agency                          self    focus                                       requests  licensing penalties coercion style
	bureau("tongji",   "青石市临江区统计局",            "我局", "统计公报、统计数据发布和人口普查",               0,   2,     0,    6,   0, 3)
	bureau("minzheng", "青石市临江区民政局",            "我局", "最低生活保障、特困人员救助供养和养老服务",       4,  14,    60,    4,   0, 1)
	bureau("jiaoyu",   "青石市临江区教育局",            "我局", "义务教育招生入学、学生资助和民办学校管理",       6,  22,    35,    3,   0, 0)
	bureau("weijian",  "青石市临江区卫生健康局",        "我局", "医疗机构执业管理、公共卫生和疫情防控",           5,  16,   420,   90,   6, 2)
	bureau("shichang", "青石市临江区市场监督管理局",    "我局", "市场主体登记、食品安全抽检和“双随机、一公开”",   22,  58,  2200,  160,  12, 2)
	bureau("shengtai", "青石市生态环境局临江分局",      "我分局", "建设项目环境影响评价、排污许可和环境质量",   10,  28,   110,   48,   8, 4)
	bureau("zhujian",  "青石市临江区住房和城乡建设局",  "我局", "建设工程施工许可、商品房预售和老旧小区改造",     30,  75,   560,   35,   4, 0)
	bureau("jiaotong", "青石市临江区交通运输局",        "我局", "道路运输许可、农村公路建设和出租汽车管理",       6,  18,   980,  260,  20, 1)
	bureau("renshe",   "青石市临江区人力资源和社会保障局", "我局", "就业创业扶持、社会保险和劳动保障监察",      12,  30,    50,   14,   0, 3)
	bureau("ziran",    "青石市自然资源局临江分局",      "我分局", "国土空间规划、土地征收和不动产登记",          40, 110,   180,   26,   3, 4)
	bureau("wenlv",    "青石市临江区文化和旅游局",      "我局", "文化市场行政许可、A级旅游景区和公共文化服务",     2,   8,    90,   25,   2, 2)
	bureau("yingji",   "青石市临江区应急管理局",        "我局", "安全生产行政许可、安全生产执法和自然灾害防治",   2,  10,    40,   70,  10, 0)

	load_texts()
	for (b = 1; b <= nb; b++)
		for (y = 2020; y <= 2021; y++) {
			gen_proactive(b, y)
			gen_requests(b, y)
			gen_appeals(b, y)
		}

	# --mismatch: 教育局 as generated, and 住房和城乡建设局 with one more
	# request carried over into 2021 than 2020 carried forward (and one
	# more granted, so that its own table still adds up).
	broken = 0
	if (mismatch) {
		for (b = 1; b <= nb; b++) if (B_dir[b] == "zhujian") broken = b
		R[broken, 2021, "carried_over", 1]++
		R[broken, 2021, "granted", 1]++
	}
	for (b = 1; b <= nb; b++) {
		if (mismatch && B_dir[b] != "jiaoyu" && B_dir[b] != "zhujian") continue
		system("mkdir -p \"" out "/" B_dir[b] "\"")
		write_report(b, 2020, 0)
		write_report(b, 2021, b == broken)
	}
	if (mismatch) exit
	f = out "/gireport.yaml"
	printf "# 青石市临江区各部门政府信息公开工作年度报告（虚构的示例，见 docs/city.md）。\n" > f
	printf "# 每个部门一个目录，每年一个文件：统计局/2020.yaml、统计局/2021.yaml……\n" > f
	printf "# 模板按报告年度自动选择（2020年及以前 gov-2019，2021年起 gov-2021），\n" > f
	printf "# 2021年报告的上年结转自动与同目录的2020.yaml核对。\n" > f
	printf "output: out\n" > f
	printf "formats: [txt, md, pdf]\n" > f
	close(f)
}

# The narratives, adapted from the five seed reports: style 0 from 002
# (郑州市二七区统计局), 1 from 001 (绿园区民政局), 2 from 004 (满洲里市统计局),
# 3 from 000 (长春市统计局绿园区分局), 4 from 003 (绿园区西新“两区一镇”).
function txt(style, part, line,    i) {
	for (i = 1; (style, part, i) in TEXT; i++) ;
	TEXT[style, part, i] = line
}
function load_texts() {
	TEXT[0, "preface", 1] = "本报告由@A@根据《中华人民共和国政府信息公开条例》和上级关于政府信息公开工作年度报告的要求编制，所列数据的统计期限为@Y@年1月1日至12月31日。"
	TEXT[1, "preface", 1] = "本报告由@A@根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》编制。报告所列数据的统计期限为@Y@年1月1日至12月31日。"
	TEXT[1, "preface", 2] = "如对本报告有疑问，请与@A@办公室联系（电话：0000-@TEL@）。"

	txt(0, "overview", "*|@Y@年，@S@在区委、区政府领导下，在区政务公开办的业务指导下，认真贯彻落实《中华人民共和国政府信息公开条例》，坚持依法公开、客观真实、注重实效、方便群众的原则，围绕@F@等重点领域推进政府信息与政务公开工作。")
	txt(0, "overview", "*|健全工作机制: 进一步完善层层抓落实的工作机制，形成了“主要领导亲自抓，分管领导直接抓，职能科室分工负责”的工作格局。成立了以主要领导为组长、班子成员为副组长、各科室负责人为成员的政务公开工作领导小组，领导小组下设办公室，定期研究部署政务公开工作。")
	txt(0, "overview", "*|全面推行办事公开制度: 重大决策广泛听取干部职工和社会公众意见，经局务会研究后及时公开，办事的依据、程序、时限和结果全部在区政府门户网站公开。全年主动公开政府信息@N@条。")
	txt(0, "overview", "*|创新公开思路: 注重把政务公开与目标考核、社会服务承诺、行风评议和机关作风建设相结合，通过“四个结合”推动政务公开工作落到实处。")
	txt(0, "overview", "2021|落实年度报告新格式: 按照《中华人民共和国政府信息公开工作年度报告格式》，重新梳理主动公开、依申请公开和行政复议、行政诉讼各项数据的统计口径，确保报告数据准确、前后衔接。")
	txt(0, "overview", "*|建立督查监督机制: 把政务公开工作责任分解到人，形成工作有部署、落实有科室、实施有措施、年中有检查、年底有考核的长效监督机制，并将政务公开工作作为评优评先的重要内容。")
	txt(0, "problems", "*|@S@政务公开工作虽然取得了一定成效，但也存在不足：一是公开意识和公开内容需要进一步深化，二是工作机制建设需要进一步完善。@Y1@年，@S@将进一步规范公开内容，把群众关心的热点问题作为公开的切入点；进一步规范公开时间，做到“常务”长期公开、“要务”定期公开、“急务”即时公开；严格按照《中华人民共和国政府信息公开条例》办事，提高政务公开工作水平。")
	txt(0, "other_matters", "*|无。")

	txt(1, "overview", "*|@Y@年，@S@高度重视政务公开和信息化建设，围绕@F@，多渠道运用信息化手段强化政务公开工作，全年主动公开政府信息@N@条。")
	txt(1, "overview", "*|一是加强对公开信息的审核。对公开的每一条信息从内容、文字表述等方面严格把关，由分管领导、办公室主任审核，领导签字后方可公开，确保公开信息内容真实、符合法律法规的规定。")
	txt(1, "overview", "*|二是立足本职工作。从掌握的第一手材料入手，认真总结梳理各项工作推进情况，提炼具有典型意义、值得推广的经验做法，为领导科学决策提供依据。")
	txt(1, "overview", "*|三是创新工作方法。立足“精、实、透、特、快”标准：精即文字要精炼，实即内容措施要实，透即分析问题要透彻，特即经验做法要有特色，快即讲究时效性，切实提高公开信息质量。")
	txt(1, "overview", "*|四是认真办理依申请公开。全年新收政府信息公开申请@R@件，上年结转@C@件，办结@D@件，结转下年度继续办理@K@件，均在法定期限内答复。")
	txt(1, "problems", "*|在取得成绩的同时也认识到，与上级要求和群众期盼相比还存在一定差距：部分科室对政务公开工作重视不够，公开的内容注重办事依据、程序，对办事过程和结果公开较少，部分栏目缺少“干货”。")
	txt(1, "problems", "2020|下一步，@S@将认真分析，分类施策，进一步推进决策、执行、管理、服务、结果全过程公开，继续推进基层政务公开标准化、规范化工作。")
	txt(1, "problems", "2021|@Y1@年，@S@将对照2020年报告中提出的问题逐项整改，进一步推进决策、执行、管理、服务、结果全过程公开，巩固基层政务公开标准化、规范化成果。")
	txt(1, "other_matters", "*|无其他需要报告的事项。")

	txt(2, "overview", "*|@Y@年，@A@按照区委、区政府工作要求，大力推进决策、执行、管理、服务、结果公开，认真实施《中华人民共和国政府信息公开条例》，力求做到政府信息公开经常化、制度化。")
	txt(2, "overview", "*|主动公开: 围绕@F@等内容不断拓展信息公开覆盖面，@Y@年在区政府门户网站主动公开政府信息@N@条，通过政务新媒体发布信息@M@条。")
	txt(2, "overview", "*|依申请公开: @Y@年新收政府信息公开申请@R@件，上年结转@C@件，办结@D@件，结转下年度继续办理@K@件。@S@根据掌握信息的实际情况依法答复，不对信息进行加工、统计、研究、分析或者其他处理。")
	txt(2, "overview", "*|政府信息管理: 领导班子高度重视政务公开工作，成立由主要负责同志任组长的领导小组，安排专人负责具体工作。上报网站的信息由科室负责人报送，专人校对、另一人审核，报分管领导签批后发布，严格执行保密审查制度。")
	txt(2, "overview", "*|平台建设: 及时更新完善《政府信息公开指南》和机构职能等栏目内容，政务新媒体运营情况良好，做到周周有更新。")
	txt(2, "overview", "*|监督保障: 政务公开工作接受区政务公开办的指导、监督和考核，社会评议良好，全年未发生责任追究情况。")
	txt(2, "problems", "*|@S@政务公开工作虽然取得了一定的成绩，但与上级要求、群众期盼相比，还存在一些差距和不足。下一步，我们将对照条例查缺补漏，编制更科学、更规范的公开目录，促使政务公开工作朝着规范化、制度化方向发展。")
	txt(2, "other_matters", "*|无。")

	txt(3, "overview", "*|@Y@年，@S@政府信息公开工作紧紧围绕区政府工作部署，积极、有序、稳妥推进。@S@主要通过区政府门户网站、政务新媒体等方式主动公开信息，全年主动公开@N@条，重点公开@F@等信息。主要开展了以下几方面工作：")
	txt(3, "overview", "*|一是加强组织领导。有针对性地加强领导，增进各科室的沟通协调，保证政府信息公开全面、及时。")
	txt(3, "overview", "*|二是严把信息报送质量。强化年轻干部写作培养，制定信息写作奖惩机制，落实写作任务，择优报送。")
	txt(3, "overview", "2020|三是做好疫情防控信息公开。及时发布疫情防控相关通告和办事指引，回应社会关切。")
	txt(3, "overview", "2021|三是加强政策解读。对涉及群众切身利益的政策文件同步发布解读材料，全年发布政策解读@P@篇。")
	txt(3, "problems", "*|政府信息公开工作是一项政策性、协调性、技术性很强的工作，@S@虽然做了许多工作，但离新形势新任务新要求还有差距，特别是公开信息不够全面、公开渠道较为单一。@Y1@年，@S@将从以下几方面进一步加强政府信息公开工作。")
	txt(3, "problems", "*|一是进一步完善公开内容，提高公开形式的便民性。")
	txt(3, "problems", "*|二是规范信息公开流程，加强政府信息公开咨询服务工作。")
	txt(3, "problems", "*|三是完善公开内容审查和更新维护等工作制度，细化考核内容，加强目标管理。")
	txt(3, "other_matters", "*|@Y@年@A@无其他需要报告的事项。")

	txt(4, "overview", "*|@Y@年，@A@按照区委、区政府政务公开工作要求，进一步规范政务信息公开，切实保障人民群众的知情权、参与权和监督权，通过区政府门户网站、公开栏等途径公开信息@N@条；新收政府信息公开申请@R@件，依法依规及时给予答复。")
	txt(4, "problems", "*|@Y@年，@S@政务信息公开工作取得了新的进展，但也存在内容比较单一、形式比较简单、工作机制有待健全等问题。今后，我们将采取以下措施，积极推进政务公开工作。")
	txt(4, "problems", "*|一是加强组织领导，完善公开机制。认真制定政务公开工作计划，细化目标责任，精心组织实施，使政务公开工作更加制度化、规范化。")
	txt(4, "problems", "*|二是抓好载体建设，创新公开形式。充分发挥公示栏、公告、网络等作用，进一步扩大政务公开覆盖面，增强政务公开实效性。")
	txt(4, "problems", "*|三是突破难点重点，深化公开内容。结合@F@等工作实际，做好重点领域信息公开，继续抓好主动公开和依申请公开工作，规范公开内容、时限和程序。")
	txt(4, "problems", "*|四是加强多方联动，提高公开水平。加强与上级部门的沟通和联系，及时学习借鉴好的经验和做法，增强工作针对性。")
	txt(4, "other_matters", "*|无。")
}
'
