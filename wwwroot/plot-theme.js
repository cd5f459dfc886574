// Plotly figures follow the system colour scheme. The .NET charts draw with PlotStyle's light palette; when a figure is
// drawn (Plotly.newPlot / Plotly.react, which Plotly.Blazor calls on window.Plotly) its layout colours are mapped to the
// --plot-* CSS variables of the current scheme, and every figure on the page is re-themed when the setting changes.
(() => {
    const scheme = window.matchMedia("(prefers-color-scheme: dark)");
    const roles = ["ink", "grid", "bg"];
    const css = role => getComputedStyle(document.documentElement).getPropertyValue(`--plot-${role}`).trim().toLowerCase();
    // Every colour a role has had on this page (the light palette, and the dark one once seen), so a figure themed in
    // one scheme maps back in the other.
    const known = new Map([["#1d2330", "ink"], ["#e4e7ec", "grid"], ["#ffffff", "bg"], ["#fff", "bg"], ["white", "bg"]]);

    function palette() {
        const p = {};
        for (const role of roles) {
            p[role] = css(role) || null;
            if (p[role]) known.set(p[role], role);
        }
        return p;
    }

    function recolour(value, p) {
        if (typeof value === "string") {
            const role = known.get(value.trim().toLowerCase());
            return role && p[role] ? p[role] : value;
        }
        if (Array.isArray(value)) return value.map(v => recolour(v, p));
        if (value && typeof value === "object") {
            const copy = {};
            for (const [k, v] of Object.entries(value)) copy[k] = recolour(v, p);
            return copy;
        }
        return value;
    }

    // Colours Plotly would otherwise pick from its own light template (dark grey text, white legend boxes).
    function defaults(layout, p) {
        const l = { ...layout };
        l.font = { ...(l.font || {}) };
        if (!l.font.color) l.font.color = p.ink;
        if (!l.paper_bgcolor) l.paper_bgcolor = "rgba(0,0,0,0)";
        if (!l.plot_bgcolor) l.plot_bgcolor = p.bg;
        for (const key of Object.keys(l)) {
            if (!/^[xy]axis\d*$/.test(key) || !l[key] || typeof l[key] !== "object") continue;
            const axis = { ...l[key] };
            if (!axis.gridcolor) axis.gridcolor = p.grid;
            if (!axis.zerolinecolor) axis.zerolinecolor = p.grid;
            if (!axis.linecolor) axis.linecolor = p.grid;
            l[key] = axis;
        }
        return l;
    }

    function theme(layout) {
        const p = palette();
        if (!p.ink) return layout;
        return defaults(recolour(layout || {}, p), p);
    }

    function wrap(plotly) {
        if (!plotly || plotly.__boThemed) return plotly;
        for (const name of ["newPlot", "react"]) {
            const original = plotly[name];
            if (typeof original !== "function") continue;
            plotly[name] = (gd, data, layout, ...rest) => original.call(plotly, gd, data, theme(layout), ...rest);
        }
        plotly.__boThemed = true;
        return plotly;
    }

    // Plotly.Blazor loads plotly.min.js on demand; it assigns window.Plotly, which this property intercepts.
    let current = wrap(window.Plotly);
    Object.defineProperty(window, "Plotly", {
        configurable: true,
        get: () => current,
        set: value => { current = wrap(value); },
    });

    scheme.addEventListener("change", () => {
        if (!current) return;
        for (const el of document.querySelectorAll(".js-plotly-plot")) {
            if (el.layout) current.react(el, el.data, el.layout, el._context);
        }
    });
})();
