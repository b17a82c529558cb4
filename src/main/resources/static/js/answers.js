// Answer pages: each field autosaves through htmx (data-hx-* attributes on its .champ
// wrapper: on change, the section form is posted and the server reads that field only).
// This script keeps what htmx cannot:
// - every value typed stays in this browser (localStorage, under the person's id) until
//   the server acknowledges it, so that nothing is lost when the session has expired, the
//   network dropped or the tab was closed: the values are sent again once the person is
//   signed in, with the version they were typed over (a change made meanwhile by someone
//   else is still a conflict);
// - a failed save is tried again, a few seconds later, then less and less often;
// - after a save, conditional questions are shown or hidden and totals updated (the
//   server's HX-Trigger event "maillage:reponses");
// - a conflict is settled with the two buttons the server offers;
// - Enter in a field saves it rather than confirming the whole section.
// Without JavaScript the section form posts all fields at once and nothing here is needed.
(function () {
	'use strict';

	var form = document.querySelector('form.reponse');
	if (!form) {
		return;
	}
	var storageKey = 'maillage-reponse-' + form.getAttribute('data-user') + '-' + form.getAttribute('data-response');
	var tokenUrl = form.getAttribute('data-token-url');
	// Kept values older than this were typed in another session: they are not sent.
	var keepFor = 24 * 3600 * 1000;
	var waitingForSignIn = false;
	var retries = {};

	function fieldKey(wrapper) {
		var vals = wrapper.getAttribute('data-hx-vals');
		return vals ? JSON.parse(vals).champ : null;
	}

	function inputsOf(key) {
		return Array.prototype.slice.call(form.querySelectorAll('[name="f.' + key + '"]'));
	}

	function wrapperOf(element) {
		return element && element.closest ? element.closest('.champ[data-hx-post]') : null;
	}

	function wrapperFor(key) {
		var inputs = inputsOf(key);
		return inputs.length ? wrapperOf(inputs[0]) : null;
	}

	function versionInput(key) {
		return form.querySelector('[name="v.' + key + '"]');
	}

	function stateOf(key) {
		return document.getElementById('etat-' + key.replace('.', '-'));
	}

	function valuesOf(key) {
		return inputsOf(key).filter(function (input) {
			return (input.type !== 'radio' && input.type !== 'checkbox') || input.checked;
		}).map(function (input) {
			return input.value;
		});
	}

	function setValues(key, values) {
		inputsOf(key).forEach(function (input) {
			if (input.type === 'radio' || input.type === 'checkbox') {
				input.checked = values.indexOf(input.value) >= 0;
			} else {
				input.value = values.length ? values[0] : '';
			}
		});
	}

	function say(key, text, state) {
		var line = stateOf(key);
		if (line) {
			var span = document.createElement('span');
			span.setAttribute('data-state', state);
			span.className = 'text-danger';
			span.textContent = text;
			line.replaceChildren(span);
		}
	}

	// --- Values kept until acknowledged ----------------------------------------------

	function kept() {
		var all;
		try {
			all = JSON.parse(window.localStorage.getItem(storageKey)) || {};
		} catch (e) {
			all = {};
		}
		var now = Date.now();
		Object.keys(all).forEach(function (key) {
			if (!all[key].at || now - all[key].at > keepFor) {
				delete all[key];
			}
		});
		return all;
	}

	function store(all) {
		try {
			if (Object.keys(all).length) {
				window.localStorage.setItem(storageKey, JSON.stringify(all));
			} else {
				window.localStorage.removeItem(storageKey);
			}
		} catch (e) {
			// Private browsing may refuse storage: the values stay in the page.
		}
	}

	function keep(key) {
		var all = kept();
		var version = versionInput(key);
		all[key] = { values: valuesOf(key), version: version ? version.value : '0', at: Date.now() };
		store(all);
	}

	function forget(key) {
		var all = kept();
		delete all[key];
		store(all);
	}

	/** The kept values of this page's fields (others belong to other sections). */
	function keptHere() {
		var all = kept();
		var here = {};
		Object.keys(all).forEach(function (key) {
			if (wrapperFor(key)) {
				here[key] = all[key];
			}
		});
		return here;
	}

	// --- Saving ------------------------------------------------------------------------

	document.addEventListener('htmx:beforeRequest', function (event) {
		var wrapper = wrapperOf(event.detail.elt);
		if (wrapper) {
			keep(fieldKey(wrapper));
		}
	});

	function requestPath(detail) {
		var path = detail.pathInfo && detail.pathInfo.finalRequestPath;
		return path ? new URL(path, window.location.href).pathname : null;
	}

	document.addEventListener('htmx:beforeSwap', function (event) {
		var wrapper = wrapperOf(event.detail.elt);
		if (!wrapper) {
			return;
		}
		var xhr = event.detail.xhr;
		var answered = xhr && xhr.responseURL ? new URL(xhr.responseURL).pathname : null;
		var asked = requestPath(event.detail);
		if (answered && asked && answered !== asked) {
			// Sent elsewhere (the sign-in page after the session ended): never put a
			// whole page in the form.
			event.detail.shouldSwap = false;
			sessionLost();
		}
	});

	document.addEventListener('htmx:afterSwap', function (event) {
		var wrapper = wrapperOf(event.detail.elt);
		if (!wrapper) {
			return;
		}
		var key = fieldKey(wrapper);
		var answer = stateOf(key) ? stateOf(key).querySelector('[data-state]') : null;
		var status = answer ? answer.getAttribute('data-state') : null;
		inputsOf(key).forEach(function (input) {
			input.classList.toggle('is-invalid', status === 'error');
			if (status === 'error') {
				input.setAttribute('aria-invalid', 'true');
			} else {
				input.removeAttribute('aria-invalid');
			}
		});
		if (status === 'saved' || status === 'error') {
			// Refused values stay on screen with their message: the person corrects them.
			forget(key);
			delete retries[key];
		}
		var shown = answer ? answer.getAttribute('data-shown') : null;
		var input = inputsOf(key)[0];
		if (status === 'saved' && shown !== null && input && (input.type === 'text' || input.tagName === 'TEXTAREA')
				&& document.activeElement !== input) {
			input.value = shown;
		}
		if (waitingForSignIn && !Object.keys(keptHere()).length) {
			waitingForSignIn = false;
			document.getElementById('session-expiree').hidden = true;
		}
	});

	document.addEventListener('htmx:responseError', function (event) {
		var wrapper = wrapperOf(event.detail.elt);
		if (!wrapper) {
			return;
		}
		var status = event.detail.xhr.status;
		if (status === 401 || status === 403) {
			// Most often an expired session, which took its CSRF token with it.
			sessionLost();
		} else {
			failed(fieldKey(wrapper), form.getAttribute('data-failed'));
		}
	});

	document.addEventListener('htmx:sendError', function (event) {
		var wrapper = wrapperOf(event.detail.elt);
		if (wrapper) {
			failed(fieldKey(wrapper), form.getAttribute('data-offline'));
		}
	});

	/** A save that failed: say so, keep the value, try again later and later. */
	function failed(key, message) {
		say(key, message, 'failed');
		var attempt = (retries[key] || 0) + 1;
		retries[key] = attempt;
		if (attempt <= 6) {
			window.setTimeout(function () {
				resend(key);
			}, 2000 * Math.pow(2, attempt - 1));
		}
	}

	function resend(key) {
		var entry = kept()[key];
		var wrapper = wrapperFor(key);
		if (!entry || !wrapper) {
			return;
		}
		setValues(key, entry.values);
		var version = versionInput(key);
		if (version) {
			// The version the person typed over: someone else's change since is a
			// conflict.
			version.value = entry.version;
		}
		window.htmx.trigger(wrapper, 'change');
	}

	// --- An expired session ------------------------------------------------------------

	// Ask for the current token: signed in (perhaps in another tab), send everything
	// kept; otherwise say so, and try again when the person comes back to this tab.
	function sessionLost() {
		refreshTokenThenResend(function () {
			waitingForSignIn = true;
			document.getElementById('session-expiree').hidden = false;
		});
	}

	var asking = false;

	function refreshTokenThenResend(onSignedOut) {
		if (asking) {
			return;
		}
		asking = true;
		window.fetch(tokenUrl, { credentials: 'same-origin', redirect: 'manual', cache: 'no-store' })
			.then(function (response) {
				if (!response.ok || response.type === 'opaqueredirect') {
					throw new Error('signed out');
				}
				return response.text();
			})
			.then(function (token) {
				asking = false;
				Array.prototype.forEach.call(document.querySelectorAll('input[name="_csrf"]'), function (input) {
					input.value = token;
				});
				Object.keys(keptHere()).forEach(resend);
			})
			.catch(function () {
				asking = false;
				onSignedOut();
			});
	}

	function retryWhenBack() {
		if (waitingForSignIn && document.visibilityState === 'visible') {
			refreshTokenThenResend(function () {
				// Still signed out: keep waiting.
			});
		}
	}

	window.addEventListener('focus', retryWhenBack);
	document.addEventListener('visibilitychange', retryWhenBack);
	// The sign-in tab may not give this one the focus back: try now and then too.
	window.setInterval(retryWhenBack, 5000);

	// Values kept from an earlier visit (the tab closed, the session expired): send them.
	if (Object.keys(keptHere()).length) {
		document.addEventListener('htmx:load', function once() {
			document.removeEventListener('htmx:load', once);
			Object.keys(keptHere()).forEach(resend);
		});
	}

	// --- Skip logic and totals ---------------------------------------------------------

	document.body.addEventListener('maillage:reponses', function (event) {
		var visible = event.detail.visibles || {};
		Object.keys(visible).forEach(function (code) {
			Array.prototype.forEach.call(form.querySelectorAll('[data-question="' + code + '"]'), function (block) {
				block.hidden = !visible[code];
				Array.prototype.forEach.call(block.querySelectorAll('input, textarea, select'), function (input) {
					input.disabled = !visible[code];
				});
			});
		});
		var totals = event.detail.totaux || {};
		Object.keys(totals).forEach(function (code) {
			var output = form.querySelector('[data-total="' + code + '"]');
			if (output) {
				output.textContent = totals[code] || output.getAttribute('data-incomplete');
			}
		});
	});

	// --- Conflicts and the Enter key ---------------------------------------------------

	form.addEventListener('click', function (event) {
		var button = event.target.closest ? event.target.closest('[data-conflict-keep]') : null;
		if (!button) {
			return;
		}
		var key = button.getAttribute('data-field');
		var wrapper = wrapperFor(key);
		versionInput(key).value = button.getAttribute('data-version');
		if (button.getAttribute('data-conflict-keep') === 'yours') {
			window.htmx.trigger(wrapper, 'change');
			return;
		}
		forget(key);
		var input = inputsOf(key)[0];
		if (input.type === 'text' || input.tagName === 'TEXTAREA') {
			input.value = button.getAttribute('data-theirs');
			say(key, form.getAttribute('data-kept-theirs'), 'saved');
			stateOf(key).firstChild.className = 'text-success';
			input.focus();
		} else {
			// Choices show the saved value best as the page itself does.
			window.location.reload();
		}
	});

	form.addEventListener('keydown', function (event) {
		var wrapper = wrapperOf(event.target);
		if (event.key === 'Enter' && wrapper && event.target.tagName === 'INPUT') {
			// Enter saves this field; confirming the section is its own button.
			event.preventDefault();
			window.htmx.trigger(wrapper, 'change');
		}
	});
}());
