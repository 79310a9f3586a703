// The consent page's signature pad: shown only with JavaScript, it draws with a finger, pen or mouse and puts
// the drawing, as a PNG data URL, into the form's hidden signaturePng field. Without JavaScript the typed name signs.
(function () {
  function init() {
    document.querySelectorAll('[data-signature-pad]:not([data-ready])').forEach(function (pad) {
      pad.setAttribute('data-ready', '');
      pad.hidden = false;
      var canvas = pad.querySelector('canvas');
      var field = pad.querySelector('input[type=hidden]');
      var context = canvas.getContext('2d');
      context.lineWidth = 3;
      context.lineCap = 'round';
      context.strokeStyle = '#111';
      var drawing = false;
      function at(e) {
        var box = canvas.getBoundingClientRect();
        return { x: (e.clientX - box.left) * canvas.width / box.width, y: (e.clientY - box.top) * canvas.height / box.height };
      }
      canvas.addEventListener('pointerdown', function (e) {
        drawing = true;
        canvas.setPointerCapture(e.pointerId);
        var p = at(e);
        context.beginPath();
        context.moveTo(p.x, p.y);
        e.preventDefault();
      });
      canvas.addEventListener('pointermove', function (e) {
        if (!drawing) { return; }
        var p = at(e);
        context.lineTo(p.x, p.y);
        context.stroke();
      });
      function end() {
        if (!drawing) { return; }
        drawing = false;
        field.value = canvas.toDataURL('image/png');
      }
      canvas.addEventListener('pointerup', end);
      canvas.addEventListener('pointercancel', end);
      pad.querySelector('button').addEventListener('click', function () {
        context.clearRect(0, 0, canvas.width, canvas.height);
        field.value = '';
      });
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    init();
    if (window.Blazor) { window.Blazor.addEventListener('enhancedload', init); }
  });
})();
