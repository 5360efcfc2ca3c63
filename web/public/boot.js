// Starts the client on a page whose layout or first screen the server drew (src/Shop.Api/Features/Web/WebPages.cs):
// the page is already on screen, so its scripts are asked for only after that first frame, leaving the
// network to the first paint and its pictures. <meta name="shop-scripts"> lists the entry, then its chunks,
// and on a page the client draws alone (the cart, checkout, sign-in, a 404) its route's chunks and styles.
(function () {
  var meta = document.querySelector('meta[name="shop-scripts"]');
  if (!meta) return;
  var files = meta.content.split(' ');
  function start() {
    files.slice(1).forEach(function (href) {
      var link = document.createElement('link');
      if (/\.css$/.test(href)) {
        link.rel = 'preload';
        link.as = 'style';
      } else {
        link.rel = 'modulepreload';
      }
      link.crossOrigin = '';
      link.href = href;
      document.head.appendChild(link);
    });
    var script = document.createElement('script');
    script.type = 'module';
    script.crossOrigin = '';
    script.src = files[0];
    document.head.appendChild(script);
  }
  requestAnimationFrame(function () {
    setTimeout(start, 0);
  });
})();
