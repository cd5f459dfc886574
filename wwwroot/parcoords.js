// The study page's parallel coordinates: drawn with Plotly.js directly (the same plotly bundle Plotly.Blazor serves),
// because brushing an axis is only visible through Plotly's plotly_restyle event. After every brush the numbers of the
// trials inside all selected ranges go back to .NET (ParallelCoordinatesChart.OnBrush), or null when no range is set.
window.boParcoords = (() => {
    const states = new WeakMap();
    const plotlyUrl = "_content/Plotly.Blazor/plotly-3.7.0.min.js";

    async function ensurePlotly() {
        // Plotly.Blazor loads plotly for the page's other charts; wait briefly for it, then load it ourselves.
        for (let i = 0; i < 30 && !window.Plotly; i++) await new Promise(r => setTimeout(r, 100));
        if (!window.Plotly) {
            await new Promise((resolve, reject) => {
                const script = document.createElement("script");
                script.src = plotlyUrl;
                script.onload = resolve;
                script.onerror = () => reject(new Error("could not load " + plotlyUrl));
                document.head.appendChild(script);
            });
        }
        return window.Plotly;
    }

    function inRanges(value, range) {
        // A constraint range is [a, b], or a list of such ranges when several were brushed on one axis.
        const ranges = Array.isArray(range[0]) ? range : [range];
        return ranges.some(([a, b]) => value >= Math.min(a, b) && value <= Math.max(a, b));
    }

    function matching(el, numbers) {
        const dimensions = (el.data && el.data[0] && el.data[0].dimensions) || [];
        const active = dimensions.filter(d => Array.isArray(d.constraintrange) && d.constraintrange.length > 0);
        if (active.length === 0) return null;
        return numbers.filter((_, k) => active.every(d => inRanges(d.values[k], d.constraintrange)));
    }

    async function report(el) {
        const state = states.get(el);
        if (!state) return;
        const numbers = matching(el, state.numbers);
        const key = numbers === null ? "all" : numbers.join(",");
        if (key === state.reported) return;
        state.reported = key;
        try {
            await state.dotnet.invokeMethodAsync("OnBrush", numbers);
        } catch (e) {
            // The component is gone (page left or circuit closed): nothing to update.
        }
    }

    return {
        async draw(el, figure, numbers, dotnet) {
            const Plotly = await ensurePlotly();
            // A live redraw (a trial finished) keeps the brushes the user set, axis by axis.
            const previous = (el.data && el.data[0] && el.data[0].dimensions) || [];
            for (const d of figure.data[0].dimensions) {
                const old = previous.find(p => p.label === d.label);
                if (old && old.constraintrange) d.constraintrange = old.constraintrange;
            }
            let state = states.get(el);
            if (!state) {
                state = { reported: "all" };
                states.set(el, state);
            }
            state.numbers = numbers;
            state.dotnet = dotnet;
            // The trace's own fonts (labels, ticks, ranges) follow the page's light or dark plot ink too.
            const ink = getComputedStyle(document.documentElement).getPropertyValue("--plot-ink").trim();
            if (ink) {
                for (const key of ["labelfont", "tickfont", "rangefont"]) {
                    figure.data[0][key] = { ...(figure.data[0][key] || {}), color: ink };
                }
            }
            await Plotly.react(el, figure.data, figure.layout, figure.config);
            if (!state.listening) {
                el.on("plotly_restyle", () => report(el));
                state.listening = true;
            }
            await report(el);
        },

        async clear(el) {
            if (!el || !el.data || !window.Plotly) return;
            const update = {};
            el.data[0].dimensions.forEach((_, i) => { update[`dimensions[${i}].constraintrange`] = null; });
            await window.Plotly.restyle(el, update, [0]);
        },

        dispose(el) {
            if (el && window.Plotly) window.Plotly.purge(el);
            if (el) states.delete(el);
        },
    };
})();
