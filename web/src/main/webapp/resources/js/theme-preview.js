/* The theme editor's live preview: colours, font and texts follow the form as it is typed. */
(function () {
    function field(name) {
        return document.querySelector('[data-preview="' + name + '"]');
    }
    function contrast(hex) {
        var r = parseInt(hex.substr(1, 2), 16), g = parseInt(hex.substr(3, 2), 16), b = parseInt(hex.substr(5, 2), 16);
        return (r * 299 + g * 587 + b * 114) / 1000 > 150 ? '#111111' : '#ffffff';
    }
    function render() {
        var primary = field('primary').value, accent = field('accent').value;
        var header = document.getElementById('previewHeader'), button = document.getElementById('previewButton');
        header.style.background = primary;
        header.style.color = contrast(primary);
        button.style.background = primary;
        button.style.color = contrast(primary);
        document.getElementById('previewLink').style.color = accent;
        document.getElementById('previewBody').style.borderTop = '4px solid ' + accent;
        document.getElementById('preview').style.fontFamily = '"' + field('font').value + '", system-ui, sans-serif';
        document.getElementById('previewName').textContent = field('name').value;
        document.getElementById('previewTagline').textContent = field('tagline').value;
        var banner = field('banner');
        document.getElementById('previewBanner').textContent = banner ? banner.value : '';
    }
    ['primary', 'accent', 'font', 'name', 'tagline', 'banner'].forEach(function (name) {
        var input = field(name);
        if (input) {
            input.addEventListener('input', render);
            input.addEventListener('change', render);
        }
    });
    if (field('primary')) {
        render();
    }
}());
