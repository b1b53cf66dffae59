// Kinerja: every edit is saved as it is made; the figures beside it come back from the server.
"use strict";

const TOKEN = () => document.querySelector('meta[name="csrf-token"]').content;
const status = (text, error) => {
  const box = document.getElementById("status");
  if (!box) return;
  box.textContent = text;
  box.classList.toggle("galat", Boolean(error));
  box.setAttribute("role", error ? "alert" : "status");
  uncover(box);
};

// The status line floats over the page's bottom corner: the box being typed in is never left under it.
function uncover(box) {
  const field = document.activeElement;
  if (!field || field === document.body) return;
  const over = (field.closest("tr") || field).getBoundingClientRect().bottom - box.getBoundingClientRect().top;
  if (over > -8) window.scrollBy(0, over + 16);
}
const setText = (id, text) => {
  const el = document.getElementById(id);
  if (el) el.textContent = text;
};
const timers = new WeakMap();
const sent = new WeakMap();
const base = new WeakMap(); // the value each field had when it was last loaded or saved: a save is made on it

function valueOf(el) {
  if (el.type === "checkbox") return el.checked ? el.value : "";
  return el.value;
}

function showFigures(angka) {
  for (const [key, row] of Object.entries(angka.indikator)) {
    setText(`cap-${key}`, row.capaian);
    setText(`pred-${key}`, row.predikat);
    setText(`cat-${key}`, row.catatan);
  }
  for (const [key, row] of Object.entries(angka.sasaran)) {
    setText(`scap-${key}`, row.capaian);
    setText(`spred-${key}`, row.predikat);
  }
  if (!angka.keseluruhan) {
    refreshOverall();
    return;
  }
  setText("capaian-keseluruhan", angka.keseluruhan.capaian);
  setText("predikat-keseluruhan", angka.keseluruhan.predikat);
  setText("diukur", String(angka.keseluruhan.diukur));
}

// A save answers with its sasaran's figures; the whole document's follow once the typing has settled.
let overallTimer;
function refreshOverall() {
  clearTimeout(overallTimer);
  overallTimer = setTimeout(async () => {
    try {
      const response = await fetch(location.pathname.replace(/\/$/, "") + "/angka");
      if (response.ok) showFigures((await response.json()).angka);
    } catch {
      // the next save asks again
    }
  }, 400);
}

function showOriginal(el, asli) {
  const box = document.getElementById(`asli-${el.dataset.s}-${el.dataset.i}-${el.dataset.bidang}`);
  if (!box) return;
  box.hidden = asli === null || asli === undefined;
  if (!box.hidden) box.querySelector(".teks-asli").textContent = asli;
}

const pending = new Set();

// Every save is tracked, so that a download waits for what was typed just before it.
function save(el) {
  const done = send(el);
  pending.add(done);
  done.finally(() => pending.delete(done));
  return done;
}

function unsaved() {
  return [...document.querySelectorAll(".sunting")].filter((el) => sent.get(el) !== valueOf(el));
}

async function download(event, link) {
  const waiting = unsaved();
  if (!waiting.length && !pending.size) return;
  event.preventDefault();
  status("Menyimpan isian terakhir sebelum mengunduh…");
  await Promise.all([...waiting.map(save), ...pending]);
  location.href = link.href;
}

const REFUSED = false;

async function send(el) {
  clearTimeout(timers.get(el));
  const nilai = valueOf(el);
  if (sent.get(el) === nilai) return;
  sent.set(el, nilai);
  status("Menyimpan…");
  const payload = { s: el.dataset.s, i: el.dataset.i, bidang: el.dataset.bidang, nilai, lama: base.get(el) };
  const body = await postJson("/sunting", payload, (other) => showConflict(el, other));
  if (!body) {
    sent.delete(el);
    if (body === REFUSED) el.setAttribute("aria-invalid", "true");
    return;
  }
  el.removeAttribute("aria-invalid");
  base.set(el, body.kini);
  showConflict(el, null);
  if ("nilai" in body && document.activeElement !== el && el.value !== body.nilai) el.value = body.nilai;
  if ("asli" in body) showOriginal(el, body.asli);
  if ("terbaca" in body) setText(`baca-${el.dataset.s}-${el.dataset.i}`, body.terbaca);
  if (el.dataset.bidang === "triwulan") document.getElementById("tabel-iku").classList.toggle("tampil-tw", el.checked);
  showFigures(body.angka);
  status(`Tersimpan pukul ${body.tersimpan}.`);
  if (body.muat_ulang) location.reload();
}

// A save refused because someone else saved the field first: their value and name stay beside the field
// (what was typed stays in it); saving again is then made on their value.
function showConflict(el, other) {
  const id = `bentrok-${el.dataset.s}-${el.dataset.i}-${el.dataset.bidang}`;
  let note = document.getElementById(id);
  if (!other) {
    if (note) note.remove();
    return;
  }
  base.set(el, other.nilai);
  if (!note) {
    note = document.createElement("small");
    note.id = id;
    note.className = "bentrok";
    el.after(note);
  }
  const who = other.oleh ? `oleh ${other.oleh}` : "dari tab lain";
  note.textContent = `Tersimpan ${who} (${other.waktu}): ${other.nilai ? `"${other.nilai}"` : "kosong"}`;
}

// Every save goes through here: the answer, or (once the status line says why nothing was saved)
// REFUSED when Kinerja refused it and null when Kinerja did not answer.
async function post(url, body, headers = {}, onConflict = null) {
  let response;
  try {
    response = await fetch(url, { method: "POST", headers: { "X-CSRFToken": TOKEN(), ...headers }, body, keepalive: true });
  } catch {
    status("Belum tersimpan: Kinerja tidak menjawab. Pastikan perintah kinerja-web masih berjalan, lalu coba lagi.", true);
    return null;
  }
  const answer = await response.json().catch(() => ({ pesan: "Jawaban tidak terbaca; muat ulang halaman." }));
  if (response.ok) return answer;
  if (response.status === 409 && answer.bentrok && onConflict) onConflict(answer.bentrok);
  status(answer.pesan.startsWith("Belum tersimpan") || answer.pesan.startsWith("Profil belum") ? answer.pesan : `Belum tersimpan: ${answer.pesan}`, true);
  return REFUSED;
}

function postJson(path, payload, onConflict = null) {
  const url = location.pathname.replace(/\/$/, "") + path;
  return post(url, JSON.stringify(payload), { "Content-Type": "application/json" }, onConflict);
}

// Deleting or restoring a row renumbers the sasaran: the page is shown again, at the same row.
async function rowAction(button) {
  if (button.dataset.konfirmasi && !confirm(button.dataset.konfirmasi)) return;
  const { s, i, bidang, nilai } = button.dataset;
  status("Menyimpan…");
  const body = await postJson("/sunting", { s, i, bidang, nilai });
  if (body) reloadAt(i === "-1" ? `sasaran-${s}` : `ind-${s}-${i}`);
}

async function addRow(event, form) {
  event.preventDefault();
  status("Menyimpan…");
  const data = new FormData(form);
  const body = await postJson("/tambah", { s: form.dataset.s, uraian: data.get("uraian"), target: data.get("target") });
  if (body) reloadAt(`ind-${body.baris}`);
}

function reloadAt(id) {
  location.hash = id;
  location.reload();
}

function focusFromHash() {
  const row = location.hash && document.getElementById(location.hash.slice(1));
  if (!row) return;
  row.scrollIntoView({ block: "center" });
  const field = row.querySelector("textarea, input") || row.querySelector("button");
  if (field) field.focus();
}

// The profile form saves itself too; a new or removed logo sends the whole form (the page shows the result).
function profileData(form) {
  const data = new FormData(form);
  data.delete("logo");
  return data;
}

function watchProfile(form) {
  let timer;
  let inflight = null; // the automatic save under way: the form's own button waits for it (and its versi)
  let last = new URLSearchParams(profileData(form)).toString();
  const send = async (data) => {
    const answer = await post(location.pathname, data, { "X-Kinerja-Otomatis": "1" });
    if (answer) {
      form.elements.versi.value = answer.versi;
      data.set("versi", answer.versi);
      last = new URLSearchParams(data).toString();
      status(`Tersimpan pukul ${answer.tersimpan}.`);
    } else last = null;
  };
  const saveProfile = () => {
    clearTimeout(timer);
    const data = profileData(form);
    const body = new URLSearchParams(data).toString();
    if (body === last) return inflight;
    last = body;
    status("Menyimpan…");
    inflight = send(data).finally(() => {
      inflight = null;
    });
    return inflight;
  };
  form.addEventListener("submit", async (event) => {
    clearTimeout(timer);
    if (!inflight) return;
    event.preventDefault();
    await inflight;
    form.submit();
  });
  form.addEventListener("change", (event) => {
    if (event.target.name === "logo" || event.target.name === "hapus_logo") form.requestSubmit();
    else saveProfile();
  });
  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(saveProfile, 1000);
  });
  window.addEventListener("beforeunload", saveProfile);
}

// The table as a spreadsheet: Enter moves down the column; texts grow to show all their lines; a filter by
// kelompok; a print of the table.
function fit(area) {
  area.style.height = "auto";
  area.style.height = `${area.scrollHeight + 2}px`;
}

function nextInColumn(el) {
  const same = [...document.querySelectorAll(`.sunting[data-bidang="${el.dataset.bidang}"]`)].filter(
    (other) => other.tagName === el.tagName && other.offsetParent !== null,
  );
  return same[same.indexOf(el) + 1];
}

function watchTable() {
  for (const area of document.querySelectorAll("table textarea.sunting")) {
    fit(area);
    area.addEventListener("input", () => fit(area));
  }
  for (const input of document.querySelectorAll("table input.sunting[type=text]")) {
    input.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      event.preventDefault();
      const next = nextInColumn(input);
      if (next) next.focus();
      else save(input);
    });
  }
  const filter = document.getElementById("saring-kelompok");
  if (filter) {
    filter.addEventListener("change", () => {
      for (const part of document.querySelectorAll("tbody.sasaran")) {
        part.hidden = Boolean(filter.value) && part.dataset.kelompok !== filter.value;
        if (!part.hidden) part.querySelectorAll("textarea.sunting").forEach(fit);
      }
    });
  }
  const print = document.getElementById("cetak");
  if (print) print.addEventListener("click", () => window.print());
}

document.addEventListener("DOMContentLoaded", () => {
  watchTable();
  for (const el of document.querySelectorAll(".sunting")) {
    sent.set(el, valueOf(el));
    base.set(el, el.dataset.lama ?? valueOf(el));
    el.addEventListener("change", () => save(el));
    el.addEventListener("input", () => {
      clearTimeout(timers.get(el));
      timers.set(el, setTimeout(() => save(el), 700));
    });
  }
  for (const button of document.querySelectorAll(".kembalikan")) {
    button.addEventListener("click", () => {
      const { s, i, bidang } = button.dataset;
      const el = document.querySelector(`.sunting[data-s="${s}"][data-i="${i}"][data-bidang="${bidang}"]`);
      el.value = button.closest("details").querySelector(".teks-asli").textContent;
      save(el).then(() => el.focus());
    });
  }
  const profile = document.querySelector("form.profil");
  if (profile) watchProfile(profile);
  for (const button of document.querySelectorAll("button.aksi")) button.addEventListener("click", () => rowAction(button));
  for (const form of document.querySelectorAll("form.tambah-indikator")) form.addEventListener("submit", (e) => addRow(e, form));
  focusFromHash();
  for (const button of document.querySelectorAll("button[type=submit][data-konfirmasi]")) {
    button.addEventListener("click", (event) => {
      if (!confirm(button.dataset.konfirmasi)) event.preventDefault();
    });
  }
  for (const link of document.querySelectorAll("a[download]")) link.addEventListener("click", (e) => download(e, link));
  window.addEventListener("beforeunload", () => unsaved().forEach(save));
});
