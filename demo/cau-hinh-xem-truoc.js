// Loaded only inside the configurator's preview frame, before the pasted snippet's sipas.js:
// nothing typed into the preview is sent. The survey's own cancelable submit event is used; the
// feedback form, which has none, gets a stand-in receipt for its POST instead of reaching the server.
(function () {
  var SAMPLE = 'XEM-THU';
  document.addEventListener('sipas-survey-submit', function (event) {
    event.preventDefault();
    var el = event.target;
    el.showReceipt({ id: event.detail.response.id, receipt: SAMPLE, receivedAt: new Date().toISOString() });
  });
  var realFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var method = ((init && init.method) || (input && input.method) || 'GET').toUpperCase();
    var url = String((input && input.url) || input);
    if (method === 'POST' && /\/v1\/feedback$/.test(url.split('?')[0])) {
      var body = JSON.parse((init && init.body) || '{}');
      var due = new Date(Date.now() + 14 * 86400000).toISOString().slice(0, 10);
      var receipt = { id: body.id || 'xem-thu', trackingCode: 'XEMT-HU00', receivedAt: new Date().toISOString(), dueOn: due };
      return Promise.resolve(new Response(JSON.stringify(receipt), { status: 201, headers: { 'content-type': 'application/json' } }));
    }
    return realFetch(input, init);
  };
})();
