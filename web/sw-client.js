// Registers the service worker (offline use) and tells the app when a new release is ready. The
// app shows 「新しい版があります」; only the user's click switches releases, and the page reloads once
// the new release has taken over.
if ('serviceWorker' in navigator) {
  const hadController = Boolean(navigator.serviceWorker.controller);
  const announce = () => {
    window.cyberSurveyUpdateAvailable = true;
    window.dispatchEvent(new Event('cyber-survey-update-available'));
  };
  // Every page registers the one worker at the site's root (data-app-root on <html>: './' for the
  // answering page, '../' for the overview page), so one release covers both.
  const root = document.documentElement.dataset.appRoot || './';
  // After the page's program has handed its copy over (web/program-fetch.js), so that the
  // worker's install finds it.
  programHandedOver
    .then(() => navigator.serviceWorker.register(`${root}sw.js`, { scope: root }))
    .then((registration) => {
      const watch = (worker) => {
        if (!worker) return;
        worker.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) announce();
        });
      };
      if (registration.waiting && navigator.serviceWorker.controller) announce();
      watch(registration.installing);
      registration.addEventListener('updatefound', () => watch(registration.installing));
      window.addEventListener('cyber-survey-apply-update', () => {
        if (registration.waiting) registration.waiting.postMessage({ type: 'SKIP_WAITING' });
      });
    })
    .catch(() => {
      // Without a service worker the app still works online; nothing to tell the user.
    });
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The first install takes control of this page too; only a switch between releases reloads.
    if (!hadController || reloading) return;
    reloading = true;
    window.location.reload();
  });
}
