"""督查与台账 (issue 6): the supervision page (``page.SupervisionPage``) and the 履职事项 box of the 首页
(``duty_panel.DutySummaryPanel``). Nothing is imported here, so the home page's box does not pull in the page
and its printing libraries at start."""
