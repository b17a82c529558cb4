// Registry import page: while htmx sends the file, show how much has gone and that the
// server is analysing it; refuse at once a file over the import limit. Without
// JavaScript the form posts as a plain form and the server says the same.
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

	function tooLarge(form) {
		var message = document.getElementById('import-trop-gros');
		if (message) {
			message.textContent = form.getAttribute('data-too-large');
			message.hidden = false;
		}
	}

	document.addEventListener('htmx:beforeRequest', function (event) {
		var form = importForm(event);
		if (!form) {
			return;
		}
		var input = form.querySelector('input[type=file]');
		var limit = Number(form.getAttribute('data-max-bytes'));
		if (input && input.files.length > 0 && limit > 0 && input.files[0].size > limit) {
			event.preventDefault();
			tooLarge(form);
			return;
		}
		var progress = document.getElementById('import-envoi');
		if (progress) {
			progress.value = 0;
		}
		show('import-trop-gros', false);
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
		var form = importForm(event);
		if (!form) {
			return;
		}
		show('import-progression', false);
		show('import-analyse', false);
		if (event.detail.xhr && event.detail.xhr.status === 413) {
			tooLarge(form);
		}
	});
})();
