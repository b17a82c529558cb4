// Answer pages: each field autosaves through htmx (attributes on its .champ wrapper).
// This script keeps what htmx cannot:
// - every value typed is kept in this browser (localStorage) until the server
//   acknowledges it, so that nothing is lost when the session has expired, the network
//   dropped or the tab was closed: the values are sent again once the person is signed in;
// - after a save, conditional questions are shown or hidden and totals updated
//   (the server's HX-Trigger event "maillage:reponses");
// - a conflict is settled with the two buttons the server offers.
// Without JavaScript the section form posts all fields at once and nothing here is needed.
(function () {
	'use strict';

	var form = document.querySelector('form.reponse');
	if (!form) {
		return;
	}
	var storageKey = 'maillage-reponse-' + form.getAttribute('data-response');
	var tokenUrl = form.getAttribute('data-token-url');
	var waitingForSignIn = false;

	function fieldKey(wrapper) {
		var vals = wrapper.getAttribute('data-hx-vals');
		return vals ? JSON.parse(vals).champ : null;
	}

	function inputsOf(wrapper) {
		var key = fieldKey(wrapper);
		return key ? Array.prototype.slice.call(form.querySelectorAll('[name="f.' + key + '"]')) : [];
	}

	function versionInput(key) {
		return form.querySelector('[name="v.' + key + '"]');
	}

	function valuesOf(wrapper) {
		return inputsOf(wrapper).filter(function (input) {
			return (input.type !== 'radio' && input.type !== 'checkbox') || input.checked;
		}).map(function (input) {
			return input.value;
		});
	}

	function setValues(wrapper, values) {
		inputsOf(wrapper).forEach(function (input) {
			if (input.type === 'radio' || input.type === 'checkbox') {
				input.checked = values.indexOf(input.value) >= 0;
			} else {
				input.value = values.length ? values[0] : '';
			}
		});
	}

	function pending() {
		try {
			return JSON.parse(window.localStorage.getItem(storageKey)) || {};
		} catch (e) {
			return {};
		}
	}

	function savePending(all) {
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

	function wrapperOf(element) {
		return element && element.closest ? element.closest('.champ[data-hx-post]') : null;
	}

	// Remember the value until the server says it is saved (or refused with a reason).
	document.addEventListener('htmx:beforeRequest', function (event) {
		var wrapper = wrapperOf(event.detail.elt);
		if (!wrapper) {
			return;
		}
		var key = fieldKey(wrapper);
		var all = pending();
		var version = versionInput(key);
		all[key] = { values: valuesOf(wrapper), version: version ? version.value : '0' };
		savePending(all);
	});

	function signInPage(xhr) {
		return xhr && xhr.responseURL && xhr.responseURL.indexOf('/connexion') >= 0;
	}

	document.addEventListener('htmx:beforeSwap', function (event) {
		if (wrapperOf(event.detail.elt) && signInPage(event.detail.xhr)) {
			// The session ended and the request was sent to the sign-in page.
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
		var state = wrapper.querySelector('.etat');
		var status = state ? state.getAttribute('data-state') : null;
		inputsOf(wrapper).forEach(function (input) {
			input.classList.toggle('is-invalid', status === 'error');
			if (status === 'error') {
				input.setAttribute('aria-invalid', 'true');
			} else {
				input.removeAttribute('aria-invalid');
			}
		});
		if (status === 'saved' || status === 'error') {
			// Refused values stay on screen with their message: the person corrects them.
			var all = pending();
			delete all[key];
			savePending(all);
		}
		var shown = state ? state.getAttribute('data-shown') : null;
		var input = inputsOf(wrapper)[0];
		if (status === 'saved' && shown !== null && input && (input.type === 'text' || input.tagName === 'TEXTAREA')
				&& document.activeElement !== input) {
			input.value = shown;
		}
		hideSessionNotice();
	});

	function hideSessionNotice() {
		var notice = document.getElementById('session-expiree');
		if (notice && waitingForSignIn && !Object.keys(pending()).length) {
			notice.hidden = true;
			waitingForSignIn = false;
		}
	}

	document.addEventListener('htmx:responseError', function (event) {
		if (wrapperOf(event.detail.elt)) {
			sessionLost();
		}
	});

	document.addEventListener('htmx:sendError', function (event) {
		if (wrapperOf(event.detail.elt)) {
			sessionLost();
		}
	});

	// A refused request: most often an expired session (its CSRF token went with it).
	// Ask for the current token: if the person is signed in, send everything kept;
	// otherwise say so, and try again when they come back to this tab.
	function sessionLost() {
		refreshTokenThenResend(function () {
			waitingForSignIn = true;
			var notice = document.getElementById('session-expiree');
			if (notice) {
				notice.hidden = false;
			}
		});
	}

	var resending = false;

	function refreshTokenThenResend(onSignedOut) {
		if (resending) {
			return;
		}
		resending = true;
		window.fetch(tokenUrl, { credentials: 'same-origin', redirect: 'manual', cache: 'no-store' })
			.then(function (response) {
				if (!response.ok || response.type === 'opaqueredirect') {
					throw new Error('signed out');
				}
				return response.text();
			})
			.then(function (token) {
				Array.prototype.forEach.call(document.querySelectorAll('input[name="_csrf"]'), function (input) {
					input.value = token;
				});
				resending = false;
				resendPending();
			})
			.catch(function () {
				resending = false;
				onSignedOut();
			});
	}

	function resendPending() {
		var all = pending();
		Object.keys(all).forEach(function (key) {
			var input = form.querySelector('[name="f.' + key + '"]');
			var wrapper = wrapperOf(input);
			if (!wrapper) {
				return;
			}
			setValues(wrapper, all[key].values);
			var version = versionInput(key);
			if (version) {
				// The version the person saw: someone else's change since is a conflict.
				version.value = all[key].version;
			}
			window.htmx.trigger(wrapper, 'change');
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
	window.setInterval(function () {
		if (waitingForSignIn) {
			refreshTokenThenResend(function () {
				// Still signed out: keep waiting.
			});
		}
	}, 5000);

	// Values kept from an earlier visit (the tab closed, the session expired): send them.
	if (Object.keys(pending()).length) {
		document.addEventListener('htmx:load', function once() {
			document.removeEventListener('htmx:load', once);
			resendPending();
		});
	}

	// Show or hide conditional questions and update the totals after each save.
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
			if (output && totals[code]) {
				output.textContent = totals[code];
			}
		});
	});

	// A conflict: keep mine (sent again, over the version just seen) or theirs.
	form.addEventListener('click', function (event) {
		var button = event.target.closest ? event.target.closest('[data-conflict-keep]') : null;
		if (!button) {
			return;
		}
		var key = button.getAttribute('data-field');
		var input = form.querySelector('[name="f.' + key + '"]');
		var wrapper = wrapperOf(input);
		versionInput(key).value = button.getAttribute('data-version');
		if (button.getAttribute('data-conflict-keep') === 'yours') {
			window.htmx.trigger(wrapper, 'change');
			return;
		}
		if (input.type === 'text' || input.tagName === 'TEXTAREA') {
			input.value = button.getAttribute('data-theirs');
			var all = pending();
			delete all[key];
			savePending(all);
			var state = wrapper.querySelector('.etat');
			state.textContent = form.getAttribute('data-kept-theirs');
			state.setAttribute('data-state', 'saved');
			input.focus();
		} else {
			window.location.reload();
		}
	});
}());
