// Starts a signed-in shopper's own data as soon as the HTML arrives, while the scripts are still downloading:
// the account (/api/auth/me: the header and the guarded pages wait for it) on every page, and on the cart
// and checkout pages the cart, whose pictures are then fetched at once too. The client's first GET of each
// of these URLs takes the answer from here (src/lib/early-requests.ts) instead of asking again; before this,
// the cart page asked for them only after its scripts had run, one after the other. The server cannot draw
// these pages itself: the token is in the browser's storage, not in a cookie.
(function () {
  var token, expiresAt;
  try {
    token = localStorage.getItem('shop.token');
    expiresAt = localStorage.getItem('shop.tokenExpiresAt');
  } catch {
    return; // storage disabled
  }
  if (!token || (expiresAt && Date.parse(expiresAt) <= Date.now()) || !window.fetch) return;
  var headers = { Accept: 'application/json, application/problem+json', Authorization: 'Bearer ' + token };
  var responses = {};
  function start(url) {
    responses[url] = fetch(url, { headers: headers });
    return responses[url];
  }
  start('/api/auth/me');
  var path = location.pathname.replace(/\/+$/, '');
  if (path === '/cart' || path === '/checkout') {
    start('/api/cart')
      .then(function (response) {
        return response.ok ? response.clone().json() : null;
      })
      .then(function (cart) {
        ((cart && cart.items) || []).slice(0, 6).forEach(function (line) {
          if (line.imageUrl) new Image().src = line.imageUrl;
        });
      })
      .catch(function () {});
  }
  window.__shopEarly = { token: token, responses: responses };
})();
