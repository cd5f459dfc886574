// Saves text produced by the server as a file (the study page's JSON and CSV exports).
window.boDashboard = {
    download(fileName, mimeType, text) {
        const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
        const link = document.createElement("a");
        link.href = url;
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
    },
};
