// Show/hide for a masked field (the SSN or ITIN): the server renders the field as a password
// input and a hidden checkbox; this shows the checkbox and switches the input's type. Without
// JavaScript the number simply stays masked.
(() => {
  for (const box of document.querySelectorAll('[data-reveal-for]')) {
    const input = document.getElementById(box.getAttribute('data-reveal-for'));
    const toggle = box.querySelector('input[type="checkbox"]');
    if (!input || !toggle) continue;
    box.hidden = false;
    toggle.addEventListener('change', () => {
      input.type = toggle.checked ? 'text' : 'password';
    });
  }
})();
