// The Typst anchor of `make bench` (tests/bench-anchors.sh): the same report's
// text and cells as gireport's Markdown gives them, set with Typst in this
// (fresh) process, A4, the body in AR PL UMing as gireport's default.
//
//	node tests/bench-typst.js NODE_MODULES REPORT.md OUT.pdf
//
// Headings (#, ##), paragraphs and pipe tables become Typst headings,
// paragraphs and #table()s; **caption** lines become strong text.
'use strict';
const fs = require('fs');
const path = require('path');

const [modules, input, output] = process.argv.slice(2);
const { NodeCompiler } = require(path.resolve(modules, '@myriaddreamin/typst-ts-node-compiler'));

// Typst markup: every character that means something there, escaped.
const escape = (s) => s.replace(/[\\#$*_`<>@\[\]~\/=+\-]/g, (c) => '\\' + c);

function cells(line) {
	return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
}

function typst(md) {
	const out = [
		'#set page(paper: "a4", margin: (top: 37mm, left: 28mm, right: 26mm, bottom: 35mm))',
		'#set text(font: ("AR PL UMing CN", "WenQuanYi Zen Hei"), size: 16pt, lang: "zh")',
		'#set par(first-line-indent: 2em, justify: true)',
		'',
	];
	const lines = md.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const l = lines[i];
		if (l.startsWith('|')) {
			const rows = [];
			for (; i < lines.length && lines[i].startsWith('|'); i++)
				if (!/^\|\s*:?-+/.test(lines[i])) rows.push(cells(lines[i]));
			i--;
			const n = Math.max(...rows.map((r) => r.length));
			out.push(`#table(columns: ${n}, stroke: 0.5pt,`);
			for (const r of rows)
				for (let c = 0; c < n; c++) out.push(`  [${escape(r[c] || '')}],`);
			out.push(')', '');
		} else if (l.startsWith('## ')) {
			out.push('== ' + escape(l.slice(3)), '');
		} else if (l.startsWith('# ')) {
			out.push('#align(center)[#text(size: 22pt)[' + escape(l.slice(2)) + ']]', '');
		} else if (/^\*\*.*\*\*$/.test(l)) {
			out.push('*' + escape(l.slice(2, -2)) + '*', '');
		} else if (l.trim()) {
			out.push(escape(l), '');
		}
	}
	return out.join('\n');
}

const compiler = NodeCompiler.create({
	workspace: path.dirname(path.resolve(input)),
	fontArgs: [{ fontPaths: ['/usr/share/fonts/truetype/arphic', '/usr/share/fonts/truetype/wqy'] }],
});
const pdf = compiler.pdf({ mainFileContent: typst(fs.readFileSync(input, 'utf8')) });
if (!pdf) {
	console.error('typst: no PDF');
	process.exit(1);
}
fs.writeFileSync(output, pdf);
