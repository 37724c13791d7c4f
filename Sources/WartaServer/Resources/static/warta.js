// Warta's pages work without this script; it only adds a few conveniences.
"use strict";
document.documentElement.classList.add("js");

document.addEventListener("DOMContentLoaded", function () {
  // Timeline: hovering a dot lights its line in the list, and the other way round.
  function light(id, on) {
    document.querySelectorAll("[data-event]").forEach(function (element) {
      if (element.getAttribute("data-event") === id) element.classList.toggle("highlight", on);
    });
  }
  document.querySelectorAll("svg.timeline .dot, ol.events li").forEach(function (element) {
    var id = element.getAttribute("data-event");
    element.addEventListener("mouseenter", function () { light(id, true); });
    element.addEventListener("mouseleave", function () { light(id, false); });
  });

  // Network: hovering an actor shows only its pairs.
  var edges = document.querySelectorAll("svg.network .edge");
  document.querySelectorAll("svg.network .node").forEach(function (node) {
    var index = node.getAttribute("data-node");
    node.addEventListener("mouseenter", function () {
      var partners = {};
      partners[index] = true;
      edges.forEach(function (edge) {
        var touches = edge.getAttribute("data-a") === index || edge.getAttribute("data-b") === index;
        edge.classList.toggle("lit", touches);
        edge.classList.toggle("dim", !touches);
        if (touches) { partners[edge.getAttribute("data-a")] = true; partners[edge.getAttribute("data-b")] = true; }
      });
      document.querySelectorAll("svg.network .node").forEach(function (other) {
        other.classList.toggle("dim", !partners[other.getAttribute("data-node")]);
      });
    });
    node.addEventListener("mouseleave", function () {
      edges.forEach(function (edge) { edge.classList.remove("lit", "dim"); });
      document.querySelectorAll("svg.network .node").forEach(function (other) { other.classList.remove("dim"); });
    });
  });

  // Article: the marks can be switched off to read the plain text.
  var toggle = document.getElementById("toggle-marks");
  var text = document.getElementById("text");
  if (toggle && text) {
    toggle.addEventListener("change", function () { text.classList.toggle("plain", !toggle.checked); });
  }
});
