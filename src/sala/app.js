"use strict";
// The room's page: plain DOM, text only ever set through textContent.
const W = JSON.parse(document.getElementById("words").textContent);
const $ = (id) => document.getElementById(id);
let csrf = null;

function say(text) { $("msg").textContent = text || ""; }
function refused(code) {
  const i = W.codes.indexOf(code);
  say(W.errors[i >= 0 ? i : W.codes.indexOf("bad")]);
}
async function post(path, body) {
  try {
    const r = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body), credentials: "same-origin" });
    let j = {};
    try { j = await r.json(); } catch (e) { j = {}; }
    return [r.ok, j];
  } catch (e) { return [false, { error: "busy" }]; }
}
function el(tag, text) { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; return e; }

function render(s) {
  csrf = s.csrf;
  $("join").hidden = true;
  $("phase").textContent = W.phases[W.phase_keys.indexOf(s.phase)] || "";
  $("write").hidden = s.phase !== "write";
  const mine = $("mine");
  mine.replaceChildren(...s.mine.map((m) => el("li", W.quadrants[m.q] + ": " + m.text + " (" + W.fates[W.fate_keys.indexOf(m.fate)] + ")")));
  $("minebox").hidden = s.mine.length === 0;
  const voting = s.phase === "vote" && !s.results;
  $("remaining").hidden = !voting;
  $("remaining").textContent = W.remaining + ": " + s.remaining;
  const board = $("board");
  board.replaceChildren(...s.board.map((f, i) => {
    const li = el("li");
    const label = el("span", W.quadrants[f.q] + " · " + f.text);
    label.id = "f" + i;
    li.append(label);
    if (s.results) li.append(el("strong", " " + f.votes + " " + W.votes));
    if (voting) {
      li.append(el("span", " " + "●".repeat(f.mine) + " (" + f.mine + ") "));
      for (const [word, up] of [[W.vote_up, true], [W.vote_down, false]]) {
        const b = el("button", word);
        b.type = "button";
        b.setAttribute("aria-describedby", label.id);
        b.addEventListener("click", () => vote(f.id, up));
        li.append(b);
      }
    }
    return li;
  }));
  $("boardbox").hidden = s.board.length === 0;
}

async function refresh() {
  let r;
  try { r = await fetch("/state", { credentials: "same-origin" }); } catch (e) { return; }
  if (r.status === 403) { $("join").hidden = false; $("write").hidden = true; return; }
  if (r.ok) render(await r.json());
}

async function vote(id, up) {
  const [ok, j] = await post("/vote", { id: id, up: up, csrf: csrf });
  if (ok) say(W.remaining + ": " + j.remaining); else refused(j.error);
  refresh();
}

$("join").addEventListener("submit", async (e) => {
  e.preventDefault();
  const [ok, j] = await post("/join", { code: $("code").value, name: $("name").value });
  if (ok) { say(""); refresh(); } else refused(j.error);
});

$("write").addEventListener("submit", async (e) => {
  e.preventDefault();
  const [ok, j] = await post("/item", { q: Number($("q").value), text: $("text").value, csrf: csrf });
  if (ok) { say(W.sent); $("text").value = ""; refresh(); } else refused(j.error);
});

// Names are asked for only when someone will see them.
fetch("/info").then((r) => r.json()).then((i) => {
  if (!i.names) { $("name").hidden = true; $("name-label").hidden = true; }
}).catch(() => {});
refresh();
setInterval(refresh, 3000);
