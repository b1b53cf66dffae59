// Kinerja: the page of a scan being read asks the server how far it is, and opens the document when it is done.
"use strict";

async function follow(box) {
  const text = document.getElementById("kabar-pindaian");
  const bar = document.getElementById("kemajuan");
  const cancel = document.getElementById("batal-pindaian");
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    let now;
    try {
      const response = await fetch(box.dataset.tanya);
      if (!response.ok) break;
      now = await response.json();
    } catch {
      text.textContent = "Kinerja tidak menjawab; pastikan server masih berjalan. Halaman ini mencoba lagi.";
      continue;
    }
    if (now.keadaan !== "menunggu" && now.keadaan !== "membaca") break;
    text.textContent = now.kabar;
    if (now.jumlah) {
      bar.max = now.jumlah;
      bar.value = now.selesai;
      bar.textContent = `${now.selesai} dari ${now.jumlah} halaman`;
    }
    if (cancel && now.keadaan !== "menunggu") cancel.hidden = true;
  }
  location.href = box.dataset.lanjut;
}

document.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("tugas");
  if (box) follow(box);
});
