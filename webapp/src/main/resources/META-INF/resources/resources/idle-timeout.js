/*
 * Warns before the server signs an idle user out. The server's session expires after its idle timeout counted from
 * the last request, so the clock restarts at every page load and every PrimeFaces Ajax response. Two minutes before
 * the end a warning offers to stay signed in (a request that renews the session); at the end the page saves the
 * open task form as a draft, if there is one, and signs out.
 */
(function () {
    var cfg = window.healthcrm || {};
    var warningTimer, logoutTimer, countdownTimer, deadline;

    function box() { return document.getElementById('idle-warning'); }

    function hideWarning() {
        var b = box();
        if (b) { b.hidden = true; }
        clearInterval(countdownTimer);
    }

    function showWarning() {
        var b = box();
        if (!b) { return; }
        b.hidden = false;
        var countdown = document.getElementById('idle-countdown');
        countdownTimer = setInterval(function () {
            var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
            countdown.textContent = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
        }, 1000);
        var stay = document.getElementById('idle-stay');
        if (stay) { stay.focus(); }
    }

    function signOut() {
        // work in progress on a task form is kept as a draft before the session ends
        if (window.healthcrmTask && window.healthcrmTask.saveDraft && window.healthcrmTask.hasForm()) {
            window.healthcrmTask.saveDraft();
            setTimeout(submitSignOut, 1500);
        } else {
            submitSignOut();
        }
    }

    function submitSignOut() {
        var form = document.getElementById('logout-form');
        if (form) {
            var reason = document.createElement('input');
            reason.type = 'hidden';
            reason.name = 'reason';
            reason.value = 'timeout';
            form.appendChild(reason);
            form.submit();
        }
    }

    function restart() {
        var total = (cfg.sessionSeconds || 900) * 1000;
        var warnAt = total - (cfg.warningSeconds || 120) * 1000;
        clearTimeout(warningTimer);
        clearTimeout(logoutTimer);
        hideWarning();
        deadline = Date.now() + total;
        warningTimer = setTimeout(showWarning, Math.max(0, warnAt));
        // sign out a little before the server would, so the page never sits on an expired session
        logoutTimer = setTimeout(signOut, Math.max(0, total - 5000));
    }

    document.addEventListener('DOMContentLoaded', function () {
        restart();
        var stay = document.getElementById('idle-stay');
        if (stay) {
            stay.addEventListener('click', function () {
                fetch(cfg.contextPath + '/app/keep-alive', {credentials: 'same-origin'}).then(restart, restart);
            });
        }
        if (window.jQuery) {
            window.jQuery(document).on('pfAjaxComplete', restart);
        }
    });
    window.healthcrm.restartIdleClock = restart;
})();
