#!/usr/bin/env python3
# A small .docx written by hand (Python's zipfile, no Word or LibreOffice),
# for tests/suites/import_readers.sh: Word's own numbering of headings
# (chineseCounting "%1、") and subheadings, paragraphs inside cells,
# w:gridSpan and w:vMerge over label and number cells, table 四 in one row,
# a signature and a date.  usage: make-docx.py OUT num|bad|parts
#   num    the report (every cell consistent: it checks clean)
#   bad    the same with the cell 3 of 规章 written 3件
#   parts  word/document.xml, a NUL byte, word/numbering.xml: a seed of
#          fuzz/fuzz_import_docx.c
import sys, zipfile
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
def p(text, num=None, lvl=0):
    pr = f'<w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>' if num else ''
    return f'<w:p>{pr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
def tc(text, span=1, vm=None):
    pr = ''
    if span > 1: pr += f'<w:gridSpan w:val="{span}"/>'
    if vm == 'restart': pr += '<w:vMerge w:val="restart"/>'
    elif vm: pr += '<w:vMerge/>'
    paras = ''.join(f'<w:p><w:r><w:t>{x}</w:t></w:r></w:p>' for x in text.split('|')) if text else '<w:p/>'
    return f'<w:tc><w:tcPr>{pr}</w:tcPr>{paras}</w:tc>'
def tr(*cells): return '<w:tr>' + ''.join(cells) + '</w:tr>'
body = p('某区统计局2020年政府信息公开工作年度报告')
body += p('总体情况', 1) + p('主动公开', 2) + p('本年度主动公开信息12条。') + p('依申请公开', 2) + p('本年度收到申请6件。')
body += p('主动公开政府信息情况', 1)
body += '<w:tbl>' + tr(tc('第二十条第（一）项', 4)) + tr(tc('信息内容'), tc('本年新|制作数量'), tc('本年新|公开数量'), tc('对外公开总数量'))
body += tr(tc('规章'), tc('1'), tc('2'), tc('3件' if sys.argv[2] == 'bad' else '3')) + tr(tc('规范性文件'), tc('0'), tc('0'), tc('5')) + '</w:tbl>'
body += p('收到和处理政府信息公开申请情况', 1)
body += '<w:tbl>' + tr(tc('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 'restart'), tc('申请人情况', 7))
body += tr(tc('', 3, 'cont'), tc('自然人'), tc('法人或其他组织', 5), tc('总计'))
body += tr(tc('一、本年新收政府信息公开申请数量', 3), tc('5'), tc('1', 2), tc('0'), tc('0'), tc('0'), tc('0'), tc('6'))
body += tr(tc('三、本年度办理结果', 1, 'restart'), tc('（一）予以公开', 2), tc('3'), tc('1', 2), tc('0'), tc('0'), tc('0'), tc('0'), tc('4'))
body += tr(tc('', 1, 'cont'), tc('（三）不予公开', 1, 'restart'), tc('1.属于国家秘密'), tc('2'), tc('0', 2), tc('0'), tc('0'), tc('0'), tc('0'), tc('2'))
body += tr(tc('', 1, 'cont'), tc('', 1, 'cont'), tc('2.其他法律行政法规禁止公开'), tc('0'), tc('0', 2), tc('0'), tc('0'), tc('0'), tc('0'), tc('0'))
body += '</w:tbl>'
body += p('政府信息公开行政复议、行政诉讼情况', 1)
body += '<w:tbl>' + tr(tc('行政复议', 5), tc('行政诉讼', 10)) + tr(*[tc(x) for x in '1 0 0 0 1 0 0 0 0 0 0 0 0 0 0'.split()]) + '</w:tbl>'
body += p('存在的主要问题及改进情况', 1) + p('无。') + p('其他需要报告的事项', 1) + p('无。') + p('某区统计局') + p('2021年1月8日')
doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>'
lvl = lambda i, fmt, text: f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
num = (f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {W}>'
       f'<w:abstractNum w:abstractNumId="0">{lvl(0, "chineseCounting", "%1、")}{lvl(1, "decimal", "%1.%2")}</w:abstractNum>'
       f'<w:abstractNum w:abstractNumId="1">{lvl(0, "chineseCountingThousand", "（%1）")}</w:abstractNum>'
       '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
if sys.argv[2] == 'parts':  # the fuzz seed: document.xml, NUL, numbering.xml
    open(sys.argv[1], 'wb').write(doc.encode() + b'\0' + num.encode())
    sys.exit(0)
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr('word/document.xml', doc)
    z.writestr('word/numbering.xml', num)
