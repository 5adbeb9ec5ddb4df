// watchfloor workbench: small enhancements; every page works without them.
"use strict";

// Review queue: j / k move between items, c confirms and r rejects the current one.
function reviewKeys() {
  const items = Array.from(document.querySelectorAll(".queue .item"));
  if (!items.length || !document.querySelector(".queue form.decide")) return;
  let current = 0;
  const focus = (index) => {
    items[current].classList.remove("current");
    current = Math.max(0, Math.min(items.length - 1, index));
    items[current].classList.add("current");
    items[current].focus();
  };
  focus(0);
  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest("input, textarea, select");
    if (typing || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "j") focus(current + 1);
    else if (event.key === "k") focus(current - 1);
    else if (event.key === "c" || event.key === "r") {
      const button = items[current].querySelector(`button[data-key="${event.key}"]`);
      if (button) button.click();
    }
  });
}

// Upload: send the form with progress shown (the plain form posts the same without script).
function uploadProgress() {
  const form = document.getElementById("upload");
  const bar = document.getElementById("upload-progress");
  if (!form || !bar) return;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable) { bar.hidden = false; bar.value = Math.round((100 * e.loaded) / e.total); }
    });
    request.addEventListener("load", () => {
      const page = new DOMParser().parseFromString(request.responseText, "text/html");
      const main = page.querySelector("main");
      if (main) document.querySelector("main").replaceWith(main);
    });
    request.send(new FormData(form));
  });
}

document.addEventListener("DOMContentLoaded", () => { reviewKeys(); uploadProgress(); });
