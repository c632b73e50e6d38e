/*
 * Passkeys and security keys (WebAuthn), served from our own origin (CSP script-src 'self').
 *
 * For a <form data-webauthn="register|authenticate" data-options="{…JSON…}">: on submit, turns the
 * options' base64url fields into bytes, asks the browser (navigator.credentials.create or get),
 * writes the answer as JSON (bytes back to base64url) into input[data-webauthn-response] and
 * submits the form. The server keeps the challenge (sealed) and verifies everything.
 * When the person cancels or the browser refuses, a message in the page's language goes into
 * [data-webauthn-error] (a role="alert" region) and nothing is sent. The page's "needs
 * JavaScript" notice ([data-webauthn-noscript]) is hidden as soon as this script runs.
 */
(function () {
  'use strict';

  var TEXT = {
    en: {
      cancelled: 'The request was cancelled or took too long. Try again, or choose another method.',
      exists:
        'This passkey or security key is already added to your account. Use a different one, or choose another method.',
      unsupported:
        'This browser cannot use passkeys or security keys. Try another browser, or choose another method.',
      failed: 'Something went wrong with your passkey or security key. Try again, or choose another method.',
    },
    es: {
      cancelled: 'La solicitud se canceló o tardó demasiado. Inténtelo de nuevo o elija otro método.',
      exists:
        'Esta llave de acceso o de seguridad ya está agregada a su cuenta. Use otra o elija otro método.',
      unsupported:
        'Este navegador no puede usar llaves de acceso ni de seguridad. Pruebe otro navegador o elija otro método.',
      failed: 'Algo salió mal con su llave de acceso o de seguridad. Inténtelo de nuevo o elija otro método.',
    },
  };

  function text() {
    var lang = (document.documentElement.lang || 'en').toLowerCase();
    return lang.indexOf('es') === 0 ? TEXT.es : TEXT.en;
  }

  function toBytes(base64url) {
    var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    var binary = atob(base64 + '==='.slice((base64.length + 3) % 4));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes.buffer;
  }

  function toBase64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function withIds(list) {
    return (list || []).map(function (c) {
      return { type: c.type || 'public-key', id: toBytes(c.id), transports: c.transports };
    });
  }

  function creationOptions(o) {
    var publicKey = Object.assign({}, o, {
      challenge: toBytes(o.challenge),
      user: Object.assign({}, o.user, { id: toBytes(o.user.id) }),
      excludeCredentials: withIds(o.excludeCredentials),
    });
    delete publicKey.hints; // not every browser knows it
    return publicKey;
  }

  function requestOptions(o) {
    var publicKey = Object.assign({}, o, {
      challenge: toBytes(o.challenge),
      allowCredentials: withIds(o.allowCredentials),
    });
    delete publicKey.hints;
    return publicKey;
  }

  function optional(fn, target) {
    try {
      return typeof fn === 'function' ? fn.call(target) : undefined;
    } catch {
      return undefined;
    }
  }

  function credentialJSON(credential) {
    var r = credential.response;
    var response = { clientDataJSON: toBase64url(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = toBase64url(r.attestationObject);
      response.transports = optional(r.getTransports, r) || [];
      var key = optional(r.getPublicKey, r);
      if (key) response.publicKey = toBase64url(key);
      var alg = optional(r.getPublicKeyAlgorithm, r);
      if (typeof alg === 'number') response.publicKeyAlgorithm = alg;
      var data = optional(r.getAuthenticatorData, r);
      if (data) response.authenticatorData = toBase64url(data);
    } else {
      response.authenticatorData = toBase64url(r.authenticatorData);
      response.signature = toBase64url(r.signature);
      if (r.userHandle && r.userHandle.byteLength) response.userHandle = toBase64url(r.userHandle);
    }
    return {
      id: credential.id,
      rawId: toBase64url(credential.rawId),
      type: credential.type,
      response: response,
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
      clientExtensionResults: optional(credential.getClientExtensionResults, credential) || {},
    };
  }

  function showError(region, message) {
    if (!region) return;
    region.textContent = '';
    var alert = document.createElement('div');
    alert.className = 'usa-alert usa-alert--error usa-alert--slim';
    var body = document.createElement('div');
    body.className = 'usa-alert__body';
    var p = document.createElement('p');
    p.className = 'usa-alert__text';
    p.textContent = message;
    body.appendChild(p);
    alert.appendChild(body);
    region.appendChild(alert);
  }

  function messageFor(error, registering) {
    var t = text();
    var name = error && error.name;
    if (name === 'NotAllowedError' || name === 'AbortError') return t.cancelled;
    if (name === 'InvalidStateError' && registering) return t.exists;
    if (name === 'NotSupportedError' || name === 'SecurityError') return t.unsupported;
    return t.failed;
  }

  function enhance(form) {
    var mode = form.getAttribute('data-webauthn');
    var registering = mode === 'register';
    var field = form.querySelector('[data-webauthn-response]');
    var region = document.querySelector('[data-webauthn-error]');
    var button = form.querySelector('button[type="submit"]');
    var supported = !!(window.PublicKeyCredential && navigator.credentials);
    var busy = false;
    if (!supported) showError(region, text().unsupported);

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (busy) return;
      if (!supported) return showError(region, text().unsupported);
      var options;
      try {
        options = JSON.parse(form.getAttribute('data-options') || '');
      } catch {
        return showError(region, text().failed);
      }
      busy = true;
      if (button) button.setAttribute('aria-disabled', 'true');
      var request = registering
        ? navigator.credentials.create({ publicKey: creationOptions(options) })
        : navigator.credentials.get({ publicKey: requestOptions(options) });
      request
        .then(function (credential) {
          if (!credential) throw new Error('no credential');
          field.value = JSON.stringify(credentialJSON(credential));
          HTMLFormElement.prototype.submit.call(form);
        })
        .catch(function (error) {
          busy = false;
          if (button) button.removeAttribute('aria-disabled');
          showError(region, messageFor(error, registering));
        });
    });
  }

  function start() {
    // The script runs: the "needs JavaScript" notice does not apply.
    var notices = document.querySelectorAll('[data-webauthn-noscript]');
    for (var n = 0; n < notices.length; n++) notices[n].hidden = true;
    var forms = document.querySelectorAll('form[data-webauthn]');
    for (var i = 0; i < forms.length; i++) enhance(forms[i]);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
