/* The browser half of tests/suites/html.sh.  html.sh appends this script,
 * after `var REPORT = …` (the same source built with -f json), to a copy of a
 * page gireport wrote and loads it in headless Chromium.  Everything here
 * reads the page through the browser's own DOM and table model (rowSpan,
 * colSpan, row groups), and compares it with the report as JSON: the words
 * and numbers of the template and the source.  Results go into a hidden
 * pre element, id gir-test-results, one "PASS name" or "FAIL name: why" a
 * line, which html.sh reads back from --dump-dom. */
(function () {
	'use strict';
	var out = [];
	var HEAD_COL = { col: 1, colgroup: 1 }, HEAD_ROW = { row: 1, rowgroup: 1 };

	function check(name, ok, why) {
		out.push((ok ? 'PASS ' : 'FAIL ') + name + (ok ? '' : ': ' + why));
	}
	function same(name, got, want) {
		var g = JSON.stringify(got), w = JSON.stringify(want);
		check(name, g === w, 'got ' + g + ', want ' + w);
	}
	function text(el) {
		return el.textContent.replace(/\s+/g, ' ').trim();
	}
	function each(list, fn) {
		Array.prototype.forEach.call(list, fn);
	}

	/* ---- the page ------------------------------------------------------------- */

	function page() {
		same('lang', document.documentElement.lang, 'zh-CN');
		same('charset', document.characterSet, 'UTF-8');
		check('viewport', document.querySelector('meta[name="viewport"]') !== null, 'no viewport meta');
		same('title', document.title, REPORT.title);
		same('h1', Array.prototype.map.call(document.querySelectorAll('h1'), text), [REPORT.title]);
		var outside = document.querySelectorAll('[src], [href], link, img, iframe, object, embed, ' +
			'script:not([data-gir-test])');
		var css = '';
		each(document.styleSheets, function (s) {
			each(s.cssRules, function (r) { css += r.cssText; });
		});
		check('self-contained', outside.length === 0 && !/url\(|@import/.test(css),
			outside.length + ' external references or scripts');
		check('print-css', /@page \{[^}]*size: a4/i.test(css) && /@media print/.test(css),
			'no @page A4 / @media print rules');
		same('headings', Array.prototype.map.call(document.querySelectorAll('main > section > h2'), text),
			REPORT.sections.map(function (s) { return s.heading; }));
	}

	/* Paragraphs and subheadings as [tag, text], from the page and from the JSON. */
	function prose(elements) {
		var r = [];
		each(elements, function (el) {
			if ((el.tagName === 'P' && !el.classList.contains('line')) || el.tagName === 'H3')
				r.push([el.tagName, text(el)]);
		});
		return r;
	}
	function expectedProse(paras) {
		var r = [];
		for (var i = 0; i < paras.length; i++) {
			var p = paras[i];
			if (p.kind !== 'subheading') {
				r.push(['P', p.text.replace(/\s+/g, ' ').trim()]);
			} else if (!p.run_in) {
				r.push(['H3', p.numbered]);
			} else { /* （一）主动公开情况。 at the start of the paragraph after it */
				var head = /[。？！；]$/.test(p.numbered) ? p.numbered : p.numbered + '\u3002';
				if (i + 1 < paras.length && paras[i + 1].kind !== 'subheading')
					head += paras[++i].text.replace(/\s+/g, ' ').trim();
				r.push(['P', head]);
			}
		}
		return r;
	}

	function narratives() {
		var before = [];
		for (var el = document.querySelector('h1').nextElementSibling; el && el.tagName !== 'SECTION';
			el = el.nextElementSibling)
			before.push(el);
		same('preface', prose(before), expectedProse(REPORT.preface));
		REPORT.sections.forEach(function (s) {
			if (s.kind === 'narrative')
				same('narrative:' + s.id, prose(document.getElementById(s.id).children),
					expectedProse(s.paragraphs));
		});
	}

	function signature() {
		var want = REPORT.signatories.slice();
		if (REPORT.date_text)
			want.push(REPORT.date_text);
		var block = document.querySelector('.signature');
		same('signature', block ? Array.prototype.map.call(block.querySelectorAll('p'), text) : [], want);
		var time = document.querySelector('.signature time');
		same('signature:datetime', time ? time.getAttribute('datetime') : null, REPORT.date);
		if (block)
			same('signature:right-aligned', getComputedStyle(block.querySelector('p')).textAlign, 'right');
	}

	/* ---- tables: the browser's grid ------------------------------------------- */

	/* The slots of a table as HTML's table model fills them: each row group on
	 * its own (a rowspan stops at the end of its group).  Returns the grid and
	 * the problems found: overlapping cells, rows of different widths. */
	function grid(table) {
		var slots = [], problems = [], y0 = 0;
		each(table.querySelectorAll(':scope > thead, :scope > tbody, :scope > tfoot'), function (group) {
			var n = group.rows.length;
			each(group.rows, function (row, i) {
				var y = y0 + i, x = 0;
				slots[y] = slots[y] || [];
				each(row.cells, function (cell) {
					while (slots[y][x])
						x++;
					var h = Math.min(cell.rowSpan || n - i, n - i);
					for (var dy = 0; dy < h; dy++)
						for (var dx = 0; dx < cell.colSpan; dx++) {
							var r = slots[y + dy] = slots[y + dy] || [];
							if (r[x + dx])
								problems.push('overlap at row ' + (y + dy) + ' column ' + (x + dx));
							r[x + dx] = { cell: cell, x: x, y: y };
						}
					x += cell.colSpan;
				});
			});
			y0 += n;
		});
		var width = slots.length ? slots[0].length : 0;
		slots.forEach(function (r, y) {
			var filled = r.filter(Boolean).length;
			if (r.length !== width || filled !== width)
				problems.push('row ' + y + ' covers ' + filled + ' of ' + width + ' columns');
		});
		return { slots: slots, width: width, problems: problems };
	}

	/* Columns of each <colgroup>, as [first, end). */
	function colgroups(table) {
		var r = [], x = 0;
		each(table.querySelectorAll(':scope > colgroup'), function (g) {
			var n = g.children.length || g.span;
			r.push([x, x + n]);
			x += n;
		});
		return r;
	}

	/* The headers of the data cell in a slot by HTML's scopes: up its column,
	 * then along its row, each header once, in reading order. */
	function headersOf(g, x, y) {
		var cols = [], rows = [];
		for (var yy = 0; yy < y; yy++) {
			var c = g.slots[yy][x].cell;
			if (c.tagName === 'TH' && HEAD_COL[c.scope] && cols.indexOf(c) < 0)
				cols.push(c);
		}
		for (var xx = 0; xx < x; xx++) {
			var h = g.slots[y][xx].cell;
			if (h.tagName === 'TH' && HEAD_ROW[h.scope] && rows.indexOf(h) < 0)
				rows.push(h);
		}
		return { cols: cols.map(text), rows: rows.map(text) };
	}

	function structure(name, table, g) {
		check(name + ':grid', g.problems.length === 0, g.problems.slice(0, 3).join('; '));
		var groups = colgroups(table);
		same(name + ':colgroups', groups.length ? groups[groups.length - 1][1] : 0, g.width);
		var bad = [];
		each(table.querySelectorAll('th'), function (th) {
			if (!HEAD_COL[th.scope] && !HEAD_ROW[th.scope])
				bad.push(text(th) + ' scope="' + th.getAttribute('scope') + '"');
		});
		check(name + ':scope', bad.length === 0, bad.slice(0, 3).join('; '));
		/* A group header must head exactly its group, or HTML gives it cells
		 * beyond its span. */
		var loose = [];
		each(table.querySelectorAll('th[scope="colgroup"]'), function (th) {
			var x = 0;
			while (g.slots[th.parentElement.rowIndex][x].cell !== th)
				x++;
			if (!groups.some(function (r) { return r[0] === x && r[1] === x + th.colSpan; }))
				loose.push(text(th));
		});
		each(table.querySelectorAll('th[scope="rowgroup"]'), function (th) {
			var body = th.parentElement.parentElement;
			if (th.parentElement !== body.rows[0] || th.rowSpan !== body.rows.length)
				loose.push(text(th));
		});
		check(name + ':group-scopes', loose.length === 0, loose.join('; '));
	}

	/* ---- tables: what the template and the source say ------------------------- */

	function leaves(nodes, key, path, out) {
		nodes.forEach(function (n) {
			var label = n.label + (n.unit ? '\uFF08' + n.unit + '\uFF09' : '');
			var p = path.concat([{ id: n.id, label: label }]);
			if (n[key])
				leaves(n[key], key, p, out);
			else
				out.push(p);
		});
		return out;
	}
	function labels(path) {
		return path.map(function (n) { return n.label; });
	}
	/* A cell's value in the JSON: rows by their id path (unnamed groups are no
	 * level of it), then the column's id. */
	function valueOf(section, rowPath, colPath) {
		var node = { rows: section.rows };
		rowPath.forEach(function (n) {
			if (n.id !== null)
				node = node && node.rows ? node.rows[n.id] : undefined;
		});
		return node && node.values ? node.values[colPath[colPath.length - 1].id] : undefined;
	}

	function expectedCells(section, block) {
		var rows = leaves(block.rows, 'rows', [], []), cols = leaves(block.columns, 'columns', [], []);
		var cells = [];
		rows.forEach(function (r) {
			cols.forEach(function (c) {
				var inline = block.layout === 'inline';
				cells.push({
					cols: inline ? labels(r).concat(labels(c)) : labels(c),
					rows: inline ? [] : labels(r),
					value: valueOf(section, r, c)
				});
			});
		});
		return cells;
	}

	function dataCells(name, table, g, want) {
		var tds = [];
		g.slots.forEach(function (r, y) {
			r.forEach(function (s, x) {
				if (s.cell.tagName === 'TD' && s.x === x && s.y === y && s.cell.parentElement.parentElement.tagName === 'TBODY')
					tds.push({ td: s.cell, x: x, y: y });
			});
		});
		same(name + ':cells', tds.length, want.length);
		var wrong = [], values = [];
		tds.forEach(function (t, i) {
			var w = want[i] || {}, h = headersOf(g, t.x, t.y);
			if (JSON.stringify(h) !== JSON.stringify({ cols: w.cols, rows: w.rows }))
				wrong.push(text(t.td) + ' under ' + JSON.stringify(h) + ', want ' + JSON.stringify(w));
			if (Number(text(t.td)) !== w.value)
				values.push(JSON.stringify(h) + ' shows ' + text(t.td) + ', want ' + w.value);
			if (getComputedStyle(t.td).textAlign !== 'right')
				values.push(text(t.td) + ' not right-aligned');
		});
		check(name + ':headers', wrong.length === 0, wrong.slice(0, 2).join('; '));
		check(name + ':values', values.length === 0, values.slice(0, 3).join('; '));
	}

	function tables() {
		REPORT.sections.forEach(function (s) {
			if (s.kind !== 'table')
				return;
			var el = document.getElementById(s.id), list = el.querySelectorAll('table');
			var blocks = s.blocks.filter(function (b) { return b.layout !== 'line'; });
			same('tables:' + s.id, list.length, blocks.length);
			blocks.forEach(function (b, i) {
				var table = list[i], name = 'table:' + s.id + '.' + (i + 1);
				if (!table)
					return;
				var cap = table.caption;
				same(name + ':caption', cap ? text(cap) : null, b.caption || s.heading);
				var g = grid(table);
				structure(name, table, g);
				dataCells(name, table, g, expectedCells(s, b));
			});
			var lines = s.blocks.filter(function (b) { return b.layout === 'line'; }).map(function (b) {
				var r = leaves(b.rows, 'rows', [], [])[0], c = leaves(b.columns, 'columns', [], [])[0];
				return r[0].label + '\uFF1A' + valueOf(s, r, c);
			});
			same('lines:' + s.id, Array.prototype.map.call(el.querySelectorAll('p.line'), text), lines);
		});
	}

	/* ---- labels read as words ----------------------------------------------------- */

	/* Words of the form's labels that no line break may split (issue 15). */
	var WORDS = ['自然人', '总计', '其他', '维持', '纠正', '商业', '企业', '科研', '机构', '社会',
		'公益', '组织', '法律', '服务', '结果', '审结', '尚未', '本年度', '办理结果', '复议',
		'诉讼', '起诉'];

	/* The lines of an element as the browser lays them out: each character's
	 * box from a Range, a new line where the top moves down. */
	function laidOutLines(el) {
		var lines = [], cur = '', top = null, walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
		for (var node = walker.nextNode(); node; node = walker.nextNode()) {
			for (var i = 0; i < node.data.length; i++) {
				var range = document.createRange();
				range.setStart(node, i);
				range.setEnd(node, i + 1);
				var rects = range.getClientRects();
				if (!rects.length || /\s/.test(node.data[i]))
					continue;
				if (top !== null && rects[0].top > top + 2) {
					lines.push(cur);
					cur = '';
				}
				top = rects[0].top;
				cur += node.data[i];
			}
		}
		if (cur)
			lines.push(cur);
		return lines;
	}

	function splitWords(lines) {
		var found = [];
		for (var i = 0; i + 1 < lines.length; i++)
			WORDS.forEach(function (w) {
				for (var k = 1; k < w.length; k++)
					if (lines[i].endsWith(w.slice(0, k)) && lines[i + 1].startsWith(w.slice(k)) &&
						!lines[i].endsWith(w))
						found.push(w.slice(0, k) + '/' + w.slice(k));
			});
		return found;
	}

	/* At a window 1200 and 800 px wide (the root given that width), no
	 * header or label of a table splits a word. */
	function labelWords() {
		var root = document.documentElement, before = root.style.width;
		[1200, 800].forEach(function (w) {
			root.style.width = w + 'px';
			var bad = [];
			each(document.querySelectorAll('th'), function (th) {
				splitWords(laidOutLines(th)).forEach(function (s) { bad.push(s + ' in ' + text(th)); });
			});
			check('labels-as-words:' + w + 'px', bad.length === 0, bad.slice(0, 5).join('; '));
		});
		root.style.width = before;
	}

	var steps = [page, narratives, tables, signature, labelWords];
	steps.forEach(function (step) {
		try {
			step();
		} catch (e) {
			check(step.name, false, 'exception ' + e);
		}
	});
	var pre = document.createElement('pre');
	pre.id = 'gir-test-results';
	pre.hidden = true;
	pre.textContent = out.join('\n') + '\n';
	document.body.appendChild(pre);
})();
