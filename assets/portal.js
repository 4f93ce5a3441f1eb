// What every page of the portal does in the browser beyond Reflex (no eval: the CSP forbids it).
//
// 1. Nothing a member does before the page is ready is lost. The page is ready when its main
//    area stops being busy (aria-busy="false": the app runs and the server has sent the page's
//    data). Until then a click on a button or a form submission is held, the button shows that
//    it waits (aria-busy, progress cursor), and the action is carried out once ready.
// 2. The skip link moves the keyboard focus into the main area.
// 3. After moving to another page, focus goes to the page's heading; when an element marked
//    data-focus-on-show appears (a success message that replaces a form), focus goes there.
(function () {
  "use strict";

  var held = [];

  function main() {
    return document.getElementById("inhalt");
  }

  function ready() {
    var area = main();
    return !!area && area.getAttribute("aria-busy") === "false";
  }

  function hold(event) {
    if (ready()) return;
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    var action = null;
    if (event.type === "submit") {
      action = { form: target, submitter: event.submitter || null };
    } else {
      var button = target.closest("button, input[type=submit], [role=button]");
      if (!button || button.closest(".skip-link")) return;
      action = { button: button };
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    var shown = action.button || action.submitter;
    if (shown) shown.setAttribute("aria-busy", "true");
    document.documentElement.classList.add("kp-waiting");
    // a second click on the same thing is the same wish, not a second action
    held = held.filter(function (a) {
      return (a.button || a.form) !== (action.button || action.form);
    });
    held.push(action);
  }

  function release() {
    var actions = held;
    held = [];
    document.documentElement.classList.remove("kp-waiting");
    actions.forEach(function (action) {
      var shown = action.button || action.submitter;
      if (shown) shown.removeAttribute("aria-busy");
      if (action.button && action.button.isConnected) {
        action.button.click();
      } else if (action.form && action.form.isConnected) {
        if (action.submitter && action.submitter.isConnected) {
          action.form.requestSubmit(action.submitter);
        } else {
          action.form.requestSubmit();
        }
      }
    });
  }

  document.addEventListener("click", hold, true);
  document.addEventListener("submit", hold, true);

  document.addEventListener(
    "click",
    function (event) {
      var link = event.target instanceof Element && event.target.closest(".skip-link");
      var area = main();
      if (!link || !area) return;
      event.preventDefault();
      area.focus();
    },
    true,
  );

  var lastPath = null;

  function focusHeading() {
    var heading = main() && main().querySelector("h1");
    if (!heading) return;
    if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    heading.focus();
  }

  function onMainChanged() {
    if (ready()) {
      if (held.length) release();
      var path = window.location.pathname;
      if (lastPath !== null && path !== lastPath) focusHeading();
      lastPath = path;
    }
  }

  function onAdded(node) {
    if (!(node instanceof Element)) return;
    var target = node.matches("[data-focus-on-show]")
      ? node
      : node.querySelector("[data-focus-on-show]");
    if (target) target.focus();
  }

  // Reflex draws a new main area for every page: watch the whole document, not one element.
  function watch() {
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        record.addedNodes.forEach(onAdded);
      });
      onMainChanged();
    }).observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["aria-busy"],
    });
    onMainChanged();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }
})();
