// Image admin: click the preview to set the focal point; the marker follows the inputs.
// A static file, so it runs under the admin's CSP; positions are set through the
// CSSOM (element.style), which the policy allows, never through style attributes.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const inputX = document.getElementById("id_focal_x");
  const inputY = document.getElementById("id_focal_y");
  for (const picker of document.querySelectorAll("[data-focal-picker]")) {
    const image = picker.querySelector("img");
    const marker = picker.querySelector(".focal-picker__marker");
    if (!image || !marker || !inputX || !inputY) continue;

    const show = () => {
      const x = parseFloat(inputX.value);
      const y = parseFloat(inputY.value);
      marker.hidden = !(x >= 0 && x <= 1 && y >= 0 && y <= 1);
      marker.style.left = `${x * 100}%`;
      marker.style.top = `${y * 100}%`;
    };

    image.addEventListener("click", (event) => {
      const box = image.getBoundingClientRect();
      const clamp = (value) => Math.min(1, Math.max(0, value));
      inputX.value = clamp((event.clientX - box.left) / box.width).toFixed(2);
      inputY.value = clamp((event.clientY - box.top) / box.height).toFixed(2);
      show();
    });
    inputX.addEventListener("input", show);
    inputY.addEventListener("input", show);
    show();
  }
});
