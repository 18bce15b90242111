/* Around an article: the reader's text size, the share menu, printing.
 *
 * Loaded in <head> without defer: the first lines set the saved text size on <html>
 * before the article paints, so later pages open at the chosen size without a flash.
 * Everything else waits for the document. Kakao's SDK is loaded only when a reader
 * presses the KakaoTalk button, and only when the site has a Kakao JavaScript key.
 */
(function () {
  "use strict";

  var SIZE_KEY = "article-text-size";
  var SIZE_MIN = 1;
  var SIZE_MAX = 5;
  var SIZE_DEFAULT = 2;
  var root = document.documentElement;

  function savedSize() {
    var size;
    try {
      size = parseInt(window.localStorage.getItem(SIZE_KEY), 10);
    } catch (error) {
      size = NaN; // storage blocked (private mode, settings)
    }
    return size >= SIZE_MIN && size <= SIZE_MAX ? size : SIZE_DEFAULT;
  }

  function applySize(size) {
    if (size === SIZE_DEFAULT) {
      root.removeAttribute("data-article-text-size");
    } else {
      root.setAttribute("data-article-text-size", String(size));
    }
  }

  applySize(savedSize());

  function setUpTextSize() {
    var group = document.querySelector("[data-text-size]");
    if (!group) {
      return;
    }
    var status = group.querySelector("[data-text-size-status]");
    var smaller = group.querySelector('[data-text-size-step="-1"]');
    var larger = group.querySelector('[data-text-size-step="1"]');

    function show(size, announce) {
      applySize(size);
      smaller.disabled = size <= SIZE_MIN;
      larger.disabled = size >= SIZE_MAX;
      if (announce) {
        status.textContent = "글자 크기 " + size + "단계 (" + SIZE_MAX + "단계 중)";
      }
    }

    group.querySelectorAll("[data-text-size-step]").forEach(function (button) {
      button.addEventListener("click", function () {
        var step = parseInt(button.getAttribute("data-text-size-step"), 10);
        var size = step === 0 ? SIZE_DEFAULT : savedSize() + step;
        size = Math.min(SIZE_MAX, Math.max(SIZE_MIN, size));
        try {
          window.localStorage.setItem(SIZE_KEY, String(size));
        } catch (error) {
          /* not kept, but this page still changes */
        }
        show(size, true);
        if (button.disabled) {
          // A disabled button drops keyboard focus; keep the reader in the group.
          (size <= SIZE_MIN ? larger : smaller).focus();
        }
      });
    });

    var print = group.querySelector("[data-article-print]");
    if (print && window.print) {
      print.addEventListener("click", function () {
        window.print();
      });
    } else if (print) {
      print.hidden = true;
    }

    show(savedSize(), false);
    group.hidden = false;

    // Another tab changed the size: follow it.
    window.addEventListener("storage", function (event) {
      if (event.key === SIZE_KEY) {
        show(savedSize(), false);
      }
    });
  }

  function setUpPrinting() {
    // Lazy photos below the fold are not loaded yet when a reader prints.
    window.addEventListener("beforeprint", function () {
      document.querySelectorAll('.article img[loading="lazy"]').forEach(function (image) {
        image.loading = "eager";
      });
    });
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var field = document.createElement("textarea");
      field.value = text;
      field.setAttribute("readonly", "");
      field.style.position = "absolute";
      field.style.left = "-9999px";
      document.body.appendChild(field);
      field.select();
      var copied = false;
      try {
        copied = document.execCommand("copy");
      } catch (error) {
        copied = false;
      }
      document.body.removeChild(field);
      if (copied) {
        resolve();
      } else {
        reject(new Error("copy failed"));
      }
    });
  }

  var kakaoLoading = null;

  function loadKakao(share) {
    if (window.Kakao && window.Kakao.Share) {
      return Promise.resolve(window.Kakao);
    }
    if (!kakaoLoading) {
      kakaoLoading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = share.getAttribute("data-kakao-sdk");
        var integrity = share.getAttribute("data-kakao-integrity");
        if (integrity) {
          script.integrity = integrity;
        }
        script.crossOrigin = "anonymous";
        script.onload = function () {
          if (window.Kakao && window.Kakao.Share) {
            resolve(window.Kakao);
          } else {
            reject(new Error("Kakao SDK without Share"));
          }
        };
        script.onerror = function () {
          kakaoLoading = null; // let a later press try again
          reject(new Error("Kakao SDK not loaded"));
        };
        document.head.appendChild(script);
      });
    }
    return kakaoLoading;
  }

  function setUpShare(share) {
    var url = share.getAttribute("data-share-url");
    var title = share.getAttribute("data-share-title");
    var status = share.querySelector("[data-share-status]");
    var canShareNatively = typeof navigator.share === "function";

    function say(message) {
      // Emptied first, so the same message is announced again on a second press.
      status.textContent = "";
      window.setTimeout(function () {
        status.textContent = message;
      }, 50);
    }

    function shareNatively() {
      return navigator.share({ title: title, url: url }).catch(function (error) {
        if (error && error.name !== "AbortError") {
          say("공유하지 못했습니다. URL 복사를 이용해 주세요.");
        }
      });
    }

    function copyLink(successMessage) {
      copyText(url).then(
        function () {
          say(successMessage || "기사 주소를 복사했습니다.");
        },
        function () {
          say("복사하지 못했습니다. 주소창의 주소를 복사해 주세요.");
        }
      );
    }

    // Without Kakao's key (or when its SDK cannot be reached), KakaoTalk is reached
    // through the phone's share sheet, or by pasting the copied link.
    function kakaoFallback() {
      if (canShareNatively) {
        shareNatively();
      } else {
        copyLink("기사 주소를 복사했습니다. 카카오톡 대화창에 붙여 넣어 보내 주세요.");
      }
    }

    share.querySelectorAll("[data-share-js]").forEach(function (item) {
      item.hidden = false;
    });

    var kakao = share.querySelector("[data-share-kakao]");
    if (kakao) {
      kakao.addEventListener("click", function () {
        var key = share.getAttribute("data-kakao-key");
        if (!key) {
          kakaoFallback();
          return;
        }
        loadKakao(share).then(
          function (Kakao) {
            if (!Kakao.isInitialized()) {
              Kakao.init(key);
            }
            Kakao.Share.sendScrap({ requestUrl: url });
          },
          kakaoFallback
        );
      });
    }

    var copy = share.querySelector("[data-share-copy]");
    if (copy) {
      copy.addEventListener("click", function () {
        copyLink();
      });
    }

    var native = share.querySelector("[data-share-native]");
    if (native && canShareNatively) {
      native.hidden = false;
      native.querySelector("button").addEventListener("click", shareNatively);
    }
  }

  function setUp() {
    setUpTextSize();
    setUpPrinting();
    document.querySelectorAll("[data-share]").forEach(setUpShare);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
