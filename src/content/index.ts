document.documentElement.dataset.followup = 'ready';
