/* Guidebook search: the reader's language only, index loaded once the reader starts typing.
   Index files are built by scripts/guidebook/search_index.py; keep the two in step
   (token normalisation, shard hash, bigrams). Works from disk (file://): files are loaded
   with <script>, not fetch(). Sends nothing anywhere. */
(function () {
  "use strict";
  var root = document.querySelector("[data-gb-search]");
  if (!root) { return; }
  var input = root.querySelector(".gb-search__input");
  var status = root.querySelector(".gb-search__status");
  var list = root.querySelector(".gb-search__results");
  var base = root.getAttribute("data-gb-search").replace(/\/?$/, "/");
  var lang = document.documentElement.lang || "en";
  var FOLD = { vi: true };
  var RUN = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u19E0-\u19FF\u3400-\u9FFF\uAA60-\uAA7F]+/g;
  var UNSPACED = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u19E0-\u19FF\u3400-\u9FFF\uAA60-\uAA7F]/;
  var JOINER = /[\u200c\u200d\u103a\u1039\u17d2]/;
  var WORDLIKE = /[\p{L}\p{N}]/u;
  var MARK = /\p{M}/u;
  var loaded = {};
  var waiting = {};
  var meta = null;
  var pageOf = [];    // section number -> page number
  var generation = 0;

  window.gbSearchLoad = function (name, data) {
    loaded[name] = data;
    (waiting[name] || []).forEach(function (done) { done(data); });
    delete waiting[name];
  };

  function load(name) {
    if (loaded[name] !== undefined) { return Promise.resolve(loaded[name]); }
    return new Promise(function (resolve, reject) {
      if (!waiting[name]) {
        waiting[name] = [];
        var script = document.createElement("script");
        script.src = base + name + ".js";
        script.async = true;
        script.onerror = function () { reject(new Error("search index file missing: " + name)); };
        document.head.appendChild(script);
      }
      waiting[name].push(resolve);
    });
  }

  function fnv1a(text) {
    var value = 0x811c9dc5;
    for (var ch of text) {
      value ^= ch.codePointAt(0);
      value = Math.imul(value, 0x01000193) >>> 0;
    }
    return value >>> 0;
  }

  function fold(text) {
    if (!FOLD[lang]) { return text; }
    return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").normalize("NFC");
  }

  function normal(text) { return text.normalize("NFC").toLowerCase(); }

  // Vietnamese typed without accents is looked up among the unaccented keys ("~" prefix);
  // typed with accents, it must match exactly.
  function key(word) {
    if (!FOLD[lang]) { return word; }
    return fold(word) === word ? "~" + word : word;
  }

  // Word segments of the query; never filter on isWordLike (Firefox marks some words not word-like).
  function words(query) {
    var text = query.normalize("NFC");
    var pieces = [];
    if (window.Intl && Intl.Segmenter) {
      var segmenter = new Intl.Segmenter(lang, { granularity: "word" });
      for (var part of segmenter.segment(text)) { pieces.push(part.segment); }
    } else {
      pieces = text.split(/[\s\p{P}]+/u);
    }
    return pieces.filter(function (p) { return WORDLIKE.test(p); }).map(normal);
  }

  function graphemes(run) {
    var clusters = [];
    for (var ch of run) {
      if (clusters.length && (MARK.test(ch) || JOINER.test(ch))) { clusters[clusters.length - 1] += ch; }
      else { clusters.push(ch); }
    }
    return clusters;
  }

  function bigrams(text) {
    var found = [];
    (text.normalize("NFC").match(RUN) || []).forEach(function (run) {
      var c = graphemes(run);
      if (c.length === 1) { found.push(c[0]); }
      for (var i = 0; i + 1 < c.length; i++) { found.push(c[i] + c[i + 1]); }
    });
    return found;
  }

  function decode(flat, weighted) {
    var out = new Map();
    var doc = 0;
    for (var i = 0; i < flat.length; i += weighted ? 2 : 1) {
      doc += flat[i];
      out.set(doc, weighted ? flat[i + 1] : 1);
    }
    return out;
  }

  // Documents for one query word: its own postings, else every doc holding all its bigrams.
  function postings(word) {
    var k = key(word);
    var shard = "t" + (fnv1a(k) % meta.shards);
    return load(shard).then(function (index) {
      if (index[k]) { return decode(index[k], true); }
      return bigramDocs(word);
    });
  }

  // Documents that contain every grapheme pair of the text's unspaced runs: a match that does not
  // depend on where the browser's segmenter and ICU at build time put word boundaries.
  function bigramDocs(text) {
    var pairs = meta.bigrams ? bigrams(text) : [];
    if (!pairs.length) { return Promise.resolve(new Map()); }
    return Promise.all(pairs.map(function (pair) {
      return load("b" + (fnv1a(pair) % meta.shards)).then(function (b) {
        return b[pair] ? decode(b[pair], false) : new Map();
      });
    })).then(function (sets) {
      var result = sets[0];
      sets.slice(1).forEach(function (set) {
        result = new Map(Array.from(result).filter(function (e) { return set.has(e[0]); }));
      });
      return result;
    });
  }


  // required: maps every result must be in; scoring: maps that only add to the score.
  // One result per page: its best section, plus a little for every other matching section.
  function rank(required, scoring) {
    var total = pageOf.length;
    var scores = new Map();
    required[0].forEach(function (_, doc) { scores.set(doc, 0); });
    required.slice(1).forEach(function (map) {
      scores.forEach(function (_, doc) { if (!map.has(doc)) { scores.delete(doc); } });
    });
    required.concat(scoring).forEach(function (map) {
      var idf = Math.log(1 + total / Math.max(1, map.size));
      scores.forEach(function (score, doc) {
        if (!map.has(doc)) { return; }
        var weight = map.get(doc);
        var tf = weight % 10 || 1;
        var title = (Math.floor(weight / 10) % 2 ? 1.5 : 0) + (weight >= 20 ? 0.6 : 0);
        scores.set(doc, score + idf * (tf / (tf + 1.2) + title));
      });
    });
    var pages = new Map();
    scores.forEach(function (score, doc) {
      var page = pageOf[doc];
      var best = pages.get(page);
      if (!best) { pages.set(page, [doc, score, score]); return; }
      best[2] += score;
      if (score > best[1]) { best[0] = doc; best[1] = score; }
    });
    return Array.from(pages.values()).map(function (p) { return [p[0], p[1] + 0.15 * (p[2] - p[1])]; })
      .sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
  }

  function snippet(text, terms) {
    var folded = "";
    var map = [];
    for (var i = 0; i < text.length; i++) {
      var f = fold(normal(text[i]));
      for (var k = 0; k < f.length; k++) { folded += f[k]; map.push(i); }
    }
    var at = -1;
    var length = 0;
    terms.forEach(function (term) {
      term = fold(term);
      var found = folded.indexOf(term);
      if (found !== -1 && (at === -1 || found < at)) { at = found; length = term.length; }
    });
    var p = document.createElement("p");
    p.className = "gb-search__snippet";
    if (at === -1) { p.textContent = text.slice(0, 160) + (text.length > 160 ? "…" : ""); return p; }
    var start = map[at];
    var end = map[Math.min(at + length, map.length) - 1] + 1;
    var from = Math.max(0, start - 70);
    var to = Math.min(text.length, end + 90);
    var mark = document.createElement("mark");
    mark.textContent = text.slice(start, end);
    p.append((from > 0 ? "…" : "") + text.slice(from, start), mark, text.slice(end, to) + (to < text.length ? "…" : ""));
    return p;
  }

  function message(count) {
    var key = count === 0 ? "data-gb-none" : count === 1 ? "data-gb-one" : "data-gb-other";
    return root.getAttribute(key).replace("#", String(count));
  }

  // Each shown section's own file: [url, page title, section title, text].
  function show(hits, terms, mine) {
    var top = hits.slice(0, 10);
    return Promise.all(top.map(function (hit) { return load("d" + hit[0]); })).then(function (docs) {
      if (mine !== generation) { return; }
      list.textContent = "";
      docs.forEach(function (doc) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = base + "../../" + doc[0];
        link.textContent = doc[2] ? doc[1] + " › " + doc[2] : doc[1];
        item.append(link, snippet(doc[3], terms));
        list.appendChild(item);
      });
      status.textContent = message(hits.length);
      root.setAttribute("data-gb-done", String(mine));
    });
  }

  function search() {
    var mine = ++generation;
    var terms = words(input.value);
    if (!terms.length) {
      list.textContent = "";
      status.textContent = "";
      return;
    }
    status.textContent = root.getAttribute("data-gb-loading");
    var unspaced = (input.value.normalize("NFC").match(RUN) || []).join(" ");
    load("meta").then(function (m) {
      if (meta !== m) {
        meta = m;
        m.pages.forEach(function (count, page) { for (var i = 0; i < count; i++) { pageOf.push(page); } });
      }
      return Promise.all([Promise.all(terms.map(postings)), unspaced ? bigramDocs(unspaced) : null]);
    }).then(function (found) {
      if (mine !== generation) { return; }
      var maps = found[0];
      var spaced = maps.filter(function (_, i) { return !UNSPACED.test(terms[i]); });
      // unspaced scripts: the bigram match decides, word pieces only rank; others: every word required
      var required = found[1] ? [found[1]].concat(spaced) : maps;
      var hits = required.some(function (m) { return m.size === 0; }) ? [] : rank(required, found[1] ? maps : []);
      return show(hits, terms, mine);
    }).catch(function (error) { status.textContent = String(error.message || error); });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 120);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { event.preventDefault(); clearTimeout(timer); search(); }
  });
  root.hidden = false;
})();
