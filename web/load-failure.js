// Shown when the page's program cannot start: a file failed to download or was altered on the
// way (the integrity check refuses it), the browser has no WebAssembly, or the program stopped.
// Without it the page would sit at 「読み込み中です…」 with a form that takes no input.
function showLoadFailure() {
  document.getElementById('loading')?.remove();
  const progress = document.getElementById('progress-text');
  if (progress) progress.textContent = '読み込めませんでした';
  const notice = document.createElement('div');
  notice.className = 'notice notice-error';
  notice.setAttribute('role', 'alert');
  const title = document.createElement('p');
  title.append(Object.assign(document.createElement('strong'), { textContent: 'このページを開けませんでした。' }));
  const advice = document.createElement('p');
  advice.textContent =
    'ネットワークの状態を確かめて、ページを再読み込みしてください。繰り返し表示される場合は、' +
    'お使いのブラウザが対応していない可能性があります（Microsoft Edge、Google Chrome、Firefox、Safari の最新版をお使いください）。' +
    'このブラウザに保存した下書きは消えていません。';
  notice.append(title, advice);
  (document.querySelector('main') ?? document.body).prepend(notice);
}

