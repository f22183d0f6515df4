document.getElementById("app")!.textContent = "placeholder";
