// Registry import page: while htmx sends the file, show how much has gone and that the
// server is analysing it. Without JavaScript the form posts as a plain form.
(function () {
	'use strict';

	function importForm(event) {
		var element = event.detail && event.detail.elt;
		return element && element.closest ? element.closest('form[data-import-form]') : null;
	}

	function show(id, visible) {
		var element = document.getElementById(id);
		if (element) {
			element.hidden = !visible;
		}
	}

	document.addEventListener('htmx:beforeRequest', function (event) {
		if (!importForm(event)) {
			return;
		}
		var progress = document.getElementById('import-envoi');
		if (progress) {
			progress.value = 0;
		}
		show('import-progression', true);
		show('import-analyse', false);
	});

	document.addEventListener('htmx:xhr:progress', function (event) {
		if (!importForm(event) || !event.detail.lengthComputable || !event.detail.total) {
			return;
		}
		var percent = Math.round(100 * event.detail.loaded / event.detail.total);
		var progress = document.getElementById('import-envoi');
		if (progress) {
			progress.value = percent;
		}
		if (percent >= 100) {
			// Everything is sent: the server reads and checks the file now.
			show('import-analyse', true);
		}
	});

	document.addEventListener('htmx:afterRequest', function (event) {
		if (importForm(event)) {
			show('import-progression', false);
			show('import-analyse', false);
		}
	});

	// A file over the upload limit answers 413 with the page's message: show it.
	document.addEventListener('htmx:beforeSwap', function (event) {
		if (importForm(event) && event.detail.xhr && event.detail.xhr.status === 413) {
			event.detail.shouldSwap = true;
			event.detail.isError = false;
		}
	});
})();
