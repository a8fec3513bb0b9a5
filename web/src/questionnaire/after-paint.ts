/**
 * Runs `work` once the frame showing the input has been painted (a task
 * after the next animation frame), or after 100 ms where no frames come (a
 * hidden tab). Work that can wait a frame then never delays what the
 * respondent sees react to a click or a keystroke.
 */
export function afterPaint(work: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    work();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 100);
}
