/* The browser half of the rendering test of tests/suites/ofd.sh: ofd.js
 * (loaded before this script) reads the package, given as base64 in OFD_B64,
 * and draws page PAGE (from 0) alone at 4 pixels a millimetre (renderOfd
 * scales a page to the width given, less 10 pixels, rounded to 0.1 pixel a
 * millimetre: 850 gives 4.0).  The page count, or why ofd.js failed, goes
 * into the hidden pre element for --dump-dom. */
(function () {
	'use strict';
	var bin = atob(OFD_B64), buf = new Uint8Array(bin.length);
	for (var i = 0; i < bin.length; i++)
		buf[i] = bin.charCodeAt(i);
	ofd.parseOfdDocument({
		ofd: buf.buffer,
		success: function (res) {
			var divs = ofd.renderOfd(850, res[0]);
			var d = divs[PAGE];
			d.style.margin = '0';
			document.getElementById('page').appendChild(d);
			document.getElementById('result').textContent = 'pages ' + divs.length;
		},
		fail: function (e) { document.getElementById('result').textContent = 'failed ' + e; }
	});
})();
