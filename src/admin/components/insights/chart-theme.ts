/**
 * Chart colours are the dashboard's own CSS variables (@medusajs/ui's theme), so the charts follow light and
 * dark mode with the rest of the admin. SVG presentation attributes accept `var(…)`.
 */
export const CHART_COLOR = {
  grid: "var(--border-base)",
  axis: "var(--fg-muted)",
  cursor: "var(--bg-base-hover)",
  followers: "var(--tag-purple-icon)",
  reach: "var(--tag-blue-icon)",
  views: "var(--tag-green-icon)",
  interactions: "var(--tag-orange-icon)",
  heat: "var(--tag-blue-icon)",
} as const

export const AXIS_TICK = { fill: CHART_COLOR.axis, fontSize: 12 } as const
