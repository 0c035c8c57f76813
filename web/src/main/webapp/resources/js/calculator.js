/* The storefront's live price calculator: every change asks /calculator/quote (the body and answer of
   POST /api/v1/quotes, priced for the page's signed-in customer) and shows its lines. */
(function () {
    var root = document.getElementById('calculator');
    if (!root) {
        return;
    }
    var plan = document.getElementById('calcPlan');
    var duration = document.getElementById('calcDuration');
    var coupon = document.getElementById('calcCoupon');
    var lines = document.querySelector('#calcLines tbody');
    var total = document.getElementById('calcTotal');
    var error = document.getElementById('calcError');
    var money = function (amount, currency) {
        return new Intl.NumberFormat(root.dataset.locale, {style: 'currency', currency: currency}).format(amount);
    };
    var pending;
    var sequence = 0;

    function extrasOf(planId) {
        return document.querySelector('.cm-calc-extras[data-plan="' + planId + '"]');
    }

    function showPlan() {
        document.querySelectorAll('.cm-calc-extras').forEach(function (box) { box.style.display = 'none'; });
        var box = extrasOf(plan.value);
        if (box) { box.style.display = ''; }
        var option = plan.options[plan.selectedIndex];
        duration.min = option.dataset.minimum;
        duration.step = option.dataset.minimum;
        if (Number(duration.value) % Number(option.dataset.minimum) !== 0 || Number(duration.value) < Number(option.dataset.minimum)) {
            duration.value = option.dataset.minimum;
        }
        document.getElementById('calcUnit').textContent = option.dataset.unit;
    }

    function request() {
        var body = {planId: Number(plan.value), duration: Number(duration.value), extraResources: {}, usage: {}};
        var box = extrasOf(plan.value);
        if (box) {
            box.querySelectorAll('[data-extra]').forEach(function (input) {
                body.extraResources[input.dataset.extra] = Number(input.value || 0);
            });
            box.querySelectorAll('[data-metric]').forEach(function (input) {
                if (Number(input.value) > 0) { body.usage[input.dataset.metric] = {quantity: Number(input.value)}; }
            });
        }
        if (coupon.value.trim()) { body.couponCode = coupon.value.trim(); }
        return body;
    }

    function render(quote) {
        lines.innerHTML = '';
        quote.lines.forEach(function (line) {
            var row = document.createElement('tr');
            var description = document.createElement('td');
            description.textContent = line.description;
            var amount = document.createElement('td');
            amount.className = 'cm-amount';
            amount.textContent = money(line.amount, quote.currency);
            row.appendChild(description);
            row.appendChild(amount);
            lines.appendChild(row);
        });
        total.textContent = money(quote.total, quote.currency);
        total.dataset.amount = quote.total;
        error.textContent = '';
    }

    function price() {
        var mine = ++sequence;
        fetch(root.dataset.api, {method: 'POST', headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
            body: JSON.stringify(request()), credentials: 'same-origin'})
            .then(function (response) {
                return response.json().then(function (json) { return {ok: response.ok, json: json}; });
            })
            .then(function (answer) {
                if (mine !== sequence) { return; } // a later change already asked again
                if (answer.ok) {
                    render(answer.json);
                } else {
                    total.textContent = '';
                    lines.innerHTML = '';
                    error.textContent = answer.json.detail || 'The price could not be computed';
                }
            })
            .catch(function () {
                error.textContent = 'The price could not be computed; check your connection.';
            });
    }

    function changed() {
        clearTimeout(pending);
        pending = setTimeout(price, 250);
    }

    plan.addEventListener('change', function () { showPlan(); changed(); });
    root.addEventListener('input', changed);
    showPlan();
    price();
}());
