// DESIGN §6: a form's answer is brought into view and focused when it appears, after a plain post (a page load) or
// after Blazor's enhanced form post (a DOM update that would otherwise leave the page scrolled down at the button).
(() => {
    const show = () => {
        const answer = document.querySelector('[data-answer]');
        if (!answer || answer.hasAttribute('data-answer-shown')) {
            return;
        }

        // Blazor's DOM update drops this mark with the answer it belongs to, so a new answer is shown again.
        answer.setAttribute('data-answer-shown', '');
        if (!answer.hasAttribute('tabindex')) {
            answer.setAttribute('tabindex', '-1');
        }

        answer.scrollIntoView({ block: 'start' });
        answer.focus({ preventScroll: true });
    };

    document.addEventListener('DOMContentLoaded', show);
    new MutationObserver(show).observe(document.documentElement, { childList: true, subtree: true });
})();
