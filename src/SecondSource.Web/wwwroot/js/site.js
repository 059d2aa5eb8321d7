// SecondSource: the only script, and nothing depends on it. Menus are <details> elements and work without it; this
// closes an open menu when the person clicks elsewhere or presses Escape, as menus do.
(function () {
    "use strict";
    // A table box (or a preformatted example) that scrolls sideways can be focused and scrolled with the arrow keys; one that fits is skipped.
    const focusableWhenScrolling = () => {
        for (const box of document.querySelectorAll(".scroll-x, pre")) {
            if (box.scrollWidth > box.clientWidth + 1) {
                box.setAttribute("tabindex", "0");
            } else {
                box.removeAttribute("tabindex");
            }
        }
    };
    document.addEventListener("DOMContentLoaded", focusableWhenScrolling);
    window.addEventListener("resize", focusableWhenScrolling);
    const menus = () => document.querySelectorAll("details.dropdown[open], details.menu[open]");
    document.addEventListener("click", (event) => {
        for (const menu of menus()) {
            if (!menu.contains(event.target)) {
                menu.removeAttribute("open");
            }
        }
    });
    document.addEventListener("keydown", (event) => {
        if (event.key !== "Escape") {
            return;
        }
        for (const menu of menus()) {
            menu.removeAttribute("open");
            menu.querySelector("summary")?.focus();
        }
    });
})();
