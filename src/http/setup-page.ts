/**
 * The first-run page: a self-contained form (no external assets) that creates the first
 * administrator. The setup token stays in the page's own URL; the script reads it from there and
 * posts it with the form, so the server never writes it into HTML. The form's own method is POST so
 * that, without the script, nothing typed ever lands in a URL.
 */

/** The page, with its inline style and script carrying `nonce` (see pageCsp). */
export function setupPage(nonce: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Whereabouts: first administrator</title>
<style nonce="${nonce}">
body { font-family: system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; color: #1b1b1b; }
label { display: block; margin-top: 1rem; font-weight: 600; }
input { width: 100%; padding: .5rem; font-size: 1rem; box-sizing: border-box; }
button { margin-top: 1.5rem; padding: .6rem 1.2rem; font-size: 1rem; }
#message { margin-top: 1rem; min-height: 1.5rem; }
.error { color: #a40000; }
.done { color: #0a5a0a; }
</style>
</head>
<body>
<h1>Create the first administrator</h1>
<p>This link works once. Choose a password of at least 12 characters.</p>
<form id="setup" method="post" action="/api/setup" novalidate>
<label for="username">Username</label>
<input id="username" name="username" autocomplete="username" required minlength="3" maxlength="64">
<label for="displayName">Display name</label>
<input id="displayName" name="displayName" autocomplete="name" required maxlength="200">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="new-password" required minlength="12">
<label for="password2">Password again</label>
<input id="password2" name="password2" type="password" autocomplete="new-password" required minlength="12">
<button type="submit">Create administrator</button>
<div id="message" role="status"></div>
</form>
<script nonce="${nonce}">
(function () {
  var form = document.getElementById('setup');
  var message = document.getElementById('message');
  function say(text, cls) { message.textContent = text; message.className = cls; }
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var token = new URLSearchParams(location.search).get('token') || '';
    var f = form.elements;
    if (f.password.value !== f.password2.value) { say('The two passwords differ.', 'error'); return; }
    var body = { token: token, username: f.username.value, displayName: f.displayName.value, password: f.password.value };
    fetch('/api/setup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
      .then(function (r) {
        if (r.ok) { form.querySelector('button').disabled = true; say('Administrator created. You can now sign in.', 'done'); }
        else say((r.body && r.body.error && r.body.error.message) || 'Setup failed.', 'error');
      })
      .catch(function () { say('The server could not be reached.', 'error'); });
  });
})();
</script>
</body>
</html>
`;
}
