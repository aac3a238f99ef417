// Conditional reveals for the resident portal's radios, without aria-expanded.
//
// GOV.UK Frontend's own radios script marks each radio aria-expanded, which ARIA does
// not allow on radios (alphagov/govuk-frontend#979) and axe-core reports as a critical
// fault. Here the revealed question simply follows its radio in reading order, shown
// when that radio is chosen. Without JavaScript every question shows, as in GOV.UK.
const radios = document.querySelectorAll("input[type='radio'][data-reveal]");

function sync(name) {
  for (const input of document.querySelectorAll(`input[type='radio'][name='${CSS.escape(name)}']`)) {
    const target = input.dataset.reveal && document.getElementById(input.dataset.reveal);
    if (target) target.classList.toggle("govuk-radios__conditional--hidden", !input.checked);
  }
}

for (const name of new Set(Array.from(radios, (input) => input.name))) {
  for (const input of document.querySelectorAll(`input[type='radio'][name='${CSS.escape(name)}']`)) {
    input.addEventListener("change", () => sync(name));
  }
  sync(name);
}
