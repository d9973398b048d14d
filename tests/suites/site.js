/* The browser half of tests/suites/site.sh.  site.sh appends this script to
 * a copy of a page of the site (in the page's own directory, so that its
 * relative links mean what they mean on the site) and loads it in headless
 * Chromium.  It reads the rendered page through the DOM: every link as the
 * browser resolves it (site.sh checks that each names a file of the site),
 * and for every chart the geometry Chromium laid out against the numbers of
 * the chart's own data table: each bar's width is its number times one
 * scale, stacked segments follow each other, the axis ticks sit at their
 * numbers, and the words a reader needs are there.  Results go into a
 * hidden pre element, one "PASS name", "FAIL name: why" or "LINK url" a
 * line. */
(function () {
	'use strict';
	var out = [];

	function check(name, ok, why) {
		out.push((ok ? 'PASS ' : 'FAIL ') + name + (ok ? '' : ': ' + why));
	}
	function text(el) {
		return el.textContent.replace(/\s+/g, ' ').trim();
	}
	function each(list, fn) {
		Array.prototype.forEach.call(list, fn);
	}
	var CJK = /[\u4e00-\u9fff]/;

	function links() {
		each(document.querySelectorAll('a[href], link[href]'), function (a) {
			out.push('LINK ' + a.href);
		});
		/* site.css applied (its rules cannot be read from a file:// page in
		 * another directory): the navigation's rule, and the print page. */
		var nav = document.querySelector('nav.site');
		check('stylesheet', document.styleSheets.length === 1 && nav &&
			getComputedStyle(nav).borderBottomStyle === 'solid', 'site.css not applied');
		check('no-script', document.querySelectorAll('script:not([data-gir-test])').length === 0,
			'a script in the page');
	}

	/* The number of a data table's cell, or null for "—". */
	function cellValue(table, row, col) {
		var tr = table.tBodies[0].rows[row];
		if (!tr || !tr.cells[col])
			return undefined;
		var t = text(tr.cells[col]);
		return t === '\u2014' ? null : Number(t);
	}

	function chart(fig, k) {
		var name = 'chart:' + (fig.id || k);
		var svg = fig.querySelector('svg'), table = fig.querySelector('table');
		if (!svg || !table) {
			check(name, false, 'no svg or no table');
			return;
		}
		var title = svg.querySelector(':scope > title'), desc = svg.querySelector(':scope > desc');
		var ids = (svg.getAttribute('aria-labelledby') || '').split(' ');
		check(name + ':title-desc', title && desc && CJK.test(text(title)) && text(desc) !== '' &&
			ids[0] === title.id && ids[1] === desc.id, 'missing or unlabelled <title>/<desc>');
		var axes = svg.querySelectorAll('text.axis-label');
		check(name + ':axis-labels', axes.length === 2 && CJK.test(text(axes[0])) && CJK.test(text(axes[1])),
			axes.length + ' axis labels');
		check(name + ':caption', table.caption && text(table.caption).indexOf(text(title)) >= 0,
			'the data table does not name the chart');
		var stacked = table.tHead.rows[0].cells.length > svg.querySelectorAll('rect.key').length + 1;
		var bars = svg.querySelectorAll('rect[data-row]'), scale = null, bad = [], given = 0;
		var rows = table.tBodies[0].rows.length, series = svg.querySelectorAll('rect.key').length;
		for (var r = 0; r < rows; r++)
			for (var s = 0; s < series; s++)
				if (cellValue(table, r, s + 1) !== null)
					given++;
		check(name + ':bars', bars.length === given && given > 0, bars.length + ' bars for ' + given + ' numbers');
		var ends = {};
		each(bars, function (b) {
			var r = Number(b.getAttribute('data-row')), s = Number(b.getAttribute('data-series'));
			var v = cellValue(table, r, s + 1), box = b.getBoundingClientRect();
			if (v === null || v === undefined) {
				bad.push('bar ' + r + '/' + s + ' has no number in the table');
				return;
			}
			if (v === 0) {
				if (box.width > 0.01)
					bad.push('0 drawn ' + box.width + ' px wide');
			} else if (scale === null) {
				scale = box.width / v;
			} else if (Math.abs(box.width - v * scale) > 0.05) {
				bad.push(text(table.tBodies[0].rows[r].cells[0]) + ' ' + v + ': ' + box.width.toFixed(2) +
					' px, want ' + (v * scale).toFixed(2));
			}
			if (stacked) { /* each segment starts where the one before it ends */
				if (ends[r] !== undefined && Math.abs(box.left - ends[r]) > 0.05)
					bad.push('segment ' + r + '/' + s + ' starts at ' + box.left + ', not ' + ends[r]);
				ends[r] = box.right;
			}
		});
		check(name + ':lengths', bad.length === 0 && scale > 0, bad.slice(0, 3).join('; ') || 'no scale');
		/* The bars of one row together (stacked) or each bar (grouped) carry their number. */
		var labels = Array.prototype.map.call(svg.querySelectorAll('text.value'), text);
		var want = [];
		for (r = 0; r < rows; r++) {
			if (stacked) {
				want.push(text(table.tBodies[0].rows[r].cells[series + 1]));
				continue;
			}
			for (s = 0; s < series; s++)
				if (cellValue(table, r, s + 1) !== null)
					want.push(String(cellValue(table, r, s + 1)));
		}
		check(name + ':numbers', JSON.stringify(labels.map(Number)) === JSON.stringify(want.map(Number)),
			'beside the bars ' + JSON.stringify(labels) + ', in the table ' + JSON.stringify(want));
		/* The axis: tick n at n times the scale from the tick 0. */
		var ticks = svg.querySelectorAll('text.tick'), zero = null, off = [];
		each(ticks, function (t) {
			var v = Number(t.getAttribute('data-tick')), box = t.getBoundingClientRect();
			var mid = box.left + box.width / 2;
			if (Number(text(t)) !== v)
				off.push('tick ' + v + ' reads ' + text(t));
			if (zero === null)
				zero = mid;
			else if (scale && Math.abs(mid - zero - v * scale) > 0.6)
				off.push('tick ' + v + ' at ' + (mid - zero).toFixed(1) + ', want ' + (v * scale).toFixed(1));
		});
		check(name + ':axis', ticks.length >= 2 && off.length === 0, off.slice(0, 2).join('; ') || 'no ticks');
	}

	function charts() {
		var figs = document.querySelectorAll('figure.chart');
		out.push('CHARTS ' + figs.length);
		each(figs, chart);
	}

	[links, charts].forEach(function (step) {
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
