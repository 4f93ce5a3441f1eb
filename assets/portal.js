// What every page of the portal does in the browser beyond Reflex (no eval: the CSP forbids it).
//
// 1. Nothing a member does before the page is ready is lost. The page is ready when its main
//    area stops being busy (aria-busy="false": the app runs and the page's on_load events have
//    run). Until then a click on a button or a form submission is held, the button shows that
//    it waits (aria-busy, progress cursor), and the action is carried out once ready. What was
//    typed meanwhile is put back into the form if the page drew it anew while loading (the
//    server's answer may first show an earlier visit's state and then reset it).
// 2. The skip link moves the keyboard focus into the main area.
// 3. After moving to another page, focus goes to the page's heading (unless the member has
//    already moved into the page's content); when an element marked data-focus-on-show
//    appears (a success message that replaces a form), focus goes there.
// 4. A button marked data-send-with="<field>" (type="button") sends its form with that hidden
//    field set to "1": a second way to send one form ("Zurück" keeps what the step holds), while
//    Enter in a field still uses the form's one submit button.
(function () {
  "use strict";

  var held = [];
  var typed = new Map(); // "form label\u0000field name" -> value or checked, typed before ready

  function formKey(element) {
    var form = element && element.closest("form");
    return form ? form.getAttribute("aria-label") || form.id || "" : null;
  }

  function findForm(key) {
    return Array.from(document.querySelectorAll("main form")).find(function (form) {
      return (form.getAttribute("aria-label") || form.id || "") === key;
    });
  }

  function remember(event) {
    var field = event.target;
    if (ready() || !(field instanceof HTMLElement) || !field.name || field.type === "file") return;
    var key = formKey(field);
    if (key === null) return;
    var value = field.type === "checkbox" || field.type === "radio" ? field.checked : field.value;
    typed.set(key + "\u0000" + field.name + (field.type === "radio" ? "=" + field.value : ""), value);
  }

  var setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;

  function restoreTyped() {
    typed.forEach(function (value, id) {
      var parts = id.split("\u0000");
      var form = findForm(parts[0]);
      if (!form) return;
      var name = parts[1].split("=")[0];
      var choice = parts[1].indexOf("=") >= 0 ? parts[1].slice(name.length + 1) : null;
      var field = Array.from(form.elements).find(function (el) {
        return el.name === name && (choice === null || el.value === choice);
      });
      if (!field) return;
      if (typeof value === "boolean") {
        if (field.checked !== value) field.click();
      } else if (!field.value && value) {
        if (field instanceof HTMLInputElement) setValue.call(field, value);
        else field.value = value;
        field.dispatchEvent(new Event("input", { bubbles: true }));
        field.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
    typed.clear();
  }

  // the button the member meant, also when the page drew it anew
  function current(action) {
    if (action.button.isConnected) return action.button;
    var form = action.form === null ? document.querySelector("main") : findForm(action.form);
    if (!form) return null;
    return Array.from(form.querySelectorAll("button, input[type=submit]")).find(function (b) {
      return (b.textContent || b.value || "").trim() === action.label;
    });
  }

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
    var button =
      event.type === "submit"
        ? event.submitter || target.querySelector("button[type=submit], input[type=submit]")
        : target.closest("button, input[type=submit], [role=button]");
    if (!button || button.closest(".skip-link")) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    button.setAttribute("aria-busy", "true");
    document.documentElement.classList.add("kp-waiting");
    var action = {
      button: button,
      form: formKey(button),
      label: (button.textContent || button.value || "").trim(),
    };
    // a second click on the same thing is the same wish, not a second action
    held = held.filter(function (a) {
      return a.button !== button;
    });
    held.push(action);
  }

  function release() {
    var actions = held;
    held = [];
    document.documentElement.classList.remove("kp-waiting");
    restoreTyped();
    actions.forEach(function (action) {
      action.button.removeAttribute("aria-busy");
      var button = current(action);
      if (button) button.click();
    });
  }

  document.addEventListener("click", hold, true);
  document.addEventListener("submit", hold, true);
  document.addEventListener("input", remember, true);
  document.addEventListener("change", remember, true);

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

  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element && event.target.closest("[data-send-with]");
    var form = button && button.closest("form");
    var field = form && form.elements.namedItem(button.getAttribute("data-send-with"));
    if (!field) return;
    field.value = "1";
    form.requestSubmit();
    field.value = "";
  });

  var lastPath = null;

  function focusHeading() {
    var heading = main() && main().querySelector("h1");
    if (!heading) return;
    if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    heading.focus();
  }

  // After a move to another page the heading gets the focus once the page has loaded (its
  // content may be drawn anew while it loads, which would drop a focus given earlier).
  var pendingFocus = false;
  var sawBusy = false;

  function onMainChanged() {
    var path = window.location.pathname;
    if (lastPath !== null && path !== lastPath) {
      pendingFocus = true;
      sawBusy = false;
      window.setTimeout(function () {
        if (pendingFocus && !sawBusy && ready()) focusOnce();
      }, 1000);
    }
    lastPath = path;
    if (!ready()) {
      sawBusy = true;
      return;
    }
    if (held.length || typed.size) release();
    if (pendingFocus && sawBusy) focusOnce();
  }

  function focusOnce() {
    pendingFocus = false;
    // a quick hand that already moved into the new page's content keeps its place
    var active = document.activeElement;
    if (active && active !== document.body && main() && main().contains(active)) return;
    focusHeading();
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
    lastPath = window.location.pathname;
    onMainChanged();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }
})();

// 4. A link token from a mail (?token=… on /passwort-zuruecksetzen, /registrieren/bestaetigen)
//    leaves the address bar before the app starts: Reflex copies the address of every event into
//    the tab's state on the server, where a reconnect with the tab's client token could read it.
//    The token stays in this tab (sessionStorage, under the page's path) and reaches the server
//    only as an argument of the events that check and use it (components/link_token.py).
//    A link with a token inside the portal (the demo mailbox) loads its page anew for that.
(function () {
  "use strict";
  document.addEventListener(
    "click",
    function (event) {
      var link = event.target instanceof Element && event.target.closest("a[href]");
      if (!link || event.defaultPrevented || link.target === "_blank") return;
      var url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin || !url.searchParams.has("token")) return;
      event.preventDefault();
      window.location.assign(url.href);
    },
    true
  );
  var params = new URLSearchParams(window.location.search);
  var token = params.get("token");
  if (token === null) return;
  var path = window.location.pathname.replace(/\/+$/, "");
  try {
    window.sessionStorage.setItem("portal-link-token:" + path, token);
  } catch (error) {
    return; // no storage: the link cannot work without the address, so leave it there
  }
  params.delete("token");
  var rest = params.toString();
  window.history.replaceState(
    window.history.state,
    "",
    window.location.pathname + (rest ? "?" + rest : "") + window.location.hash
  );
})();
