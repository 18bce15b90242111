/* The comment section: loaded from its own endpoint (the article page is the same
   for every reader), with the live "N / 400" counter and actions without a reload.
   Every link and form here also works without this script. */
(function () {
  "use strict";

  var section = document.getElementById("comments");
  if (!section) return;

  var segmenter = window.Intl && Intl.Segmenter ? new Intl.Segmenter("ko", { granularity: "grapheme" }) : null;

  // Characters as a reader counts them, the way the server counts: 한, 👍🏽, 👨‍👩‍👧 are one each.
  function graphemes(text) {
    var normal = text.replace(/\r\n?/g, "\n").trim().normalize("NFC");
    if (!segmenter) return Array.from(normal).length;
    var count = 0;
    for (var _ of segmenter.segment(normal)) count++;
    return count;
  }

  function root() {
    return section.querySelector("[data-comments-root]");
  }

  function csrfToken() {
    var input = section.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function fragmentUrl(params) {
    var base = root() ? root().getAttribute("data-fragment-url") : section.getAttribute("data-comments-src");
    var query = new URLSearchParams(params || {});
    return base + (query.toString() ? "?" + query.toString() : "");
  }

  function load(params, focusId) {
    params = params || {};
    if (focusId) params.focus = focusId;
    section.setAttribute("aria-busy", "true");
    return fetch(fragmentUrl(params), { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      })
      .then(function (html) {
        section.innerHTML = html;
        section.removeAttribute("aria-busy");
        bind();
        if (focusId) {
          var target = document.getElementById("comment-" + focusId);
          if (target) {
            target.classList.add("is-focused");
            target.scrollIntoView({ block: "center" });
          }
        }
      })
      .catch(function () {
        section.removeAttribute("aria-busy");
        var notice = document.createElement("p");
        notice.className = "comments__notice";
        notice.setAttribute("role", "alert");
        notice.textContent = "댓글을 불러오지 못했습니다. 잠시 뒤 다시 시도해 주세요.";
        section.appendChild(notice);
      });
  }

  function currentSort() {
    return root() ? root().getAttribute("data-sort") : "newest";
  }

  function post(url, data) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRFToken": csrfToken() },
      body: data,
    }).then(function (response) {
      return response
        .json()
        .catch(function () {
          return { error: "요청을 처리하지 못했습니다 (" + response.status + "). 잠시 뒤 다시 시도해 주세요." };
        })
        .then(function (body) {
          if (!response.ok && !body.error) body.error = "요청을 처리하지 못했습니다.";
          return body;
        });
    }, function () {
      return { error: "네트워크에 연결할 수 없습니다. 연결을 확인한 뒤 다시 시도해 주세요." };
    });
  }

  function announce(message) {
    var status = section.querySelector("[data-comments-status]");
    if (!status) {
      status = document.createElement("p");
      status.className = "visually-hidden";
      status.setAttribute("role", "status");
      status.setAttribute("data-comments-status", "");
      section.appendChild(status);
    }
    status.textContent = message;
  }

  function bindCounter(form) {
    var textarea = form.querySelector("textarea[data-max-length]");
    var counter = form.querySelector("[data-count]");
    if (!textarea || !counter) return;
    var max = parseInt(textarea.getAttribute("data-max-length"), 10);
    var submit = form.querySelector("button[type=submit]");
    function update() {
      var count = graphemes(textarea.value);
      counter.textContent = count;
      var over = count > max;
      form.classList.toggle("is-over", over);
      textarea.setAttribute("aria-invalid", over ? "true" : "false");
      if (submit) submit.disabled = over;
    }
    textarea.addEventListener("input", update);
    update();
  }

  function submitForm(form) {
    var error = form.querySelector("[role=alert]");
    var submit = form.querySelector("button[type=submit]");
    if (submit) submit.disabled = true;
    post(form.action, new FormData(form)).then(function (result) {
      if (submit) submit.disabled = false;
      if (result.error) {
        if (error) error.textContent = result.error;
        var textarea = form.querySelector("textarea");
        if (textarea) textarea.focus();
        return;
      }
      announce(result.message);
      load({ sort: currentSort() }, result.id);
    });
  }

  function openReplyForm(button) {
    var item = button.closest("[data-comment-id]");
    var existing = item.querySelector(":scope > .comment-form--reply");
    if (existing) {
      existing.remove();
      button.setAttribute("aria-expanded", "false");
      return;
    }
    var form = section.querySelector("[data-comment-reply-template]").content.firstElementChild.cloneNode(true);
    var id = "reply-text-" + button.getAttribute("data-reply-to");
    form.querySelector("[name=parent]").value = button.getAttribute("data-reply-to");
    form.querySelector("textarea").id = id;
    form.querySelector("[data-label]").setAttribute("for", id);
    item.querySelector(".comment__body").after(form);
    button.setAttribute("aria-expanded", "true");
    bindForm(form);
    form.querySelector("textarea").focus();
  }

  function openEditForm(link) {
    var item = link.closest("[data-comment-id]");
    var text = item.querySelector("[data-comment-text]");
    if (item.querySelector(":scope > .comment__body .comment-form--edit")) return;
    var form = section.querySelector("[data-comment-edit-template]").content.firstElementChild.cloneNode(true);
    var id = "edit-text-" + item.getAttribute("data-comment-id");
    form.action = link.href;
    form.querySelector("textarea").id = id;
    form.querySelector("textarea").value = text.innerText;
    form.querySelector("[data-label]").setAttribute("for", id);
    form.querySelector("[data-cancel]").addEventListener("click", function () {
      form.remove();
      text.hidden = false;
      link.focus();
    });
    text.hidden = true;
    text.after(form);
    bindForm(form);
    form.querySelector("textarea").focus();
  }

  function confirmDialog(dialog, onConfirm) {
    var error = dialog.querySelector("[data-dialog-error]");
    if (error) error.textContent = "";
    dialog.returnValue = "";
    dialog.showModal();
    dialog.addEventListener(
      "close",
      function () {
        if (dialog.returnValue === "confirm") onConfirm(new FormData(dialog.querySelector("form")));
      },
      { once: true }
    );
  }

  function bindForm(form) {
    bindCounter(form);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      submitForm(form);
    });
  }

  // Edit links disappear when the minute is up; the server refuses after it anyway.
  function scheduleEditExpiry(link) {
    var until = Date.parse(link.getAttribute("data-edit-until"));
    var left = until - Date.now();
    if (!(left > 0)) {
      link.remove();
      return;
    }
    window.setTimeout(function () {
      link.remove();
    }, left);
  }

  function bind() {
    var container = root();
    if (!container) return;
    container.querySelectorAll("form[data-comment-form]").forEach(bindForm);
    container.querySelectorAll("[data-comment-edit]").forEach(scheduleEditExpiry);
    container.addEventListener("click", function (event) {
      var target = event.target.closest("a, button");
      if (!target || !container.contains(target)) return;
      if (target.hasAttribute("data-sort")) {
        event.preventDefault();
        load({ sort: target.getAttribute("data-sort") });
      } else if (target.hasAttribute("data-more-url")) {
        event.preventDefault();
        var wrap = target.closest("[data-comment-more]");
        fetch(target.getAttribute("data-more-url"), { credentials: "same-origin" })
          .then(function (response) {
            return response.text();
          })
          .then(function (html) {
            var holder = document.createElement("div");
            holder.innerHTML = html;
            var list = container.querySelector("[data-comment-list]");
            var items = holder.querySelector("[data-comment-items]");
            var first = items.firstElementChild;
            while (items.firstElementChild) list.appendChild(items.firstElementChild);
            var more = holder.querySelector("[data-comment-more]");
            if (more) wrap.replaceWith(more);
            else wrap.remove();
            list.querySelectorAll("[data-comment-edit]").forEach(scheduleEditExpiry);
            if (first) first.querySelector("a, button") && first.querySelector("a, button").focus();
          });
      } else if (target.hasAttribute("data-reply-to")) {
        openReplyForm(target);
      } else if (target.hasAttribute("data-comment-edit")) {
        event.preventDefault();
        openEditForm(target);
      } else if (target.hasAttribute("data-comment-delete")) {
        event.preventDefault();
        confirmDialog(container.querySelector("[data-comment-delete-dialog]"), function () {
          post(target.href, new FormData()).then(function (result) {
            if (result.error) return announce(result.error);
            announce(result.message);
            load({ sort: currentSort() });
          });
        });
      } else if (target.hasAttribute("data-comment-report")) {
        event.preventDefault();
        var dialog = container.querySelector("[data-comment-report-dialog]");
        dialog.querySelector("form").reset();
        confirmDialog(dialog, function (data) {
          post(target.href, data).then(function (result) {
            if (result.error) return announce(result.error);
            announce(result.message);
            var mark = document.createElement("span");
            mark.className = "comment__reported";
            mark.textContent = "신고함";
            target.replaceWith(mark);
          });
        });
      }
    });
    // Delegated, so comments added by "더보기" work too.
    container.addEventListener("submit", function (event) {
      var form = event.target;
      if (!form.hasAttribute("data-comment-like")) return;
      event.preventDefault();
      post(form.action, new FormData(form)).then(function (result) {
        if (result.error) return announce(result.error);
        form.querySelector("button").setAttribute("aria-pressed", String(result.liked));
        form.querySelector("[data-like-count]").textContent = result.like_count;
        announce(result.message);
      });
    });
  }

  var hash = /^#comment-(\d+)$/.exec(window.location.hash);
  if (section.hasAttribute("data-comments-src")) {
    load({}, hash ? hash[1] : null);
  } else {
    bind();
  }
})();
