#!/usr/bin/env node
// Draws the development store's demo product photos (flat illustrations, 800×800 JPEG) into
// static/demo/, which the store serves itself at /static/demo/ — so the demo works offline.
// The JPEGs are committed; run this only to change them: `node dev/render-demo-images.mjs`.
// Square JPEGs of at least 500×500 suit both the Meta catalog and an Instagram feed post
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media, image_url).
import { mkdirSync, statSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { chromium } from "playwright-core"

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..")
const outDir = join(root, "static", "demo")
const SIZE = 800
const QUALITY = 82
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

const shade = (hex, amount) => {
  const n = parseInt(hex.slice(1), 16)
  const channel = (shift) => Math.max(0, Math.min(255, Math.round(((n >> shift) & 255) * (1 + amount))))
  return `#${[16, 8, 0].map((shift) => channel(shift).toString(16).padStart(2, "0")).join("")}`
}

const stitch = (color) => `stroke="${shade(color, -0.25)}" stroke-width="3" stroke-dasharray="9 7" fill="none"`
const outline = (color) => `stroke="${shade(color, -0.3)}" stroke-width="4" stroke-linejoin="round"`

const tee = ({ color, back, print }) => `
  <path d="M300 170 Q400 ${back ? 200 : 240} 500 170 L610 205 L695 330 L612 372 L582 335 L582 652 Q400 668 218 652 L218 335 L188 372 L105 330 L190 205 Z"
    fill="${color}" ${outline(color)}/>
  <path d="M300 170 Q400 ${back ? 200 : 240} 500 170" ${stitch(color)}/>
  <path d="M228 632 Q400 646 572 632" ${stitch(color)}/>
  ${print ?? ""}`

const sweatshirt = ({ color, back, hood, pocket }) => `
  ${hood ? `<path d="M290 185 Q300 60 400 58 Q500 60 510 185 Q400 230 290 185 Z" fill="${shade(color, -0.12)}" ${outline(color)}/>` : ""}
  <path d="M300 175 Q400 ${back ? 205 : 235} 500 175 L600 205 Q655 228 668 320 L706 590 L632 606 L590 395 L590 628 L210 628 L210 395 L168 606 L94 590 L132 320 Q145 228 200 205 Z"
    fill="${color}" ${outline(color)}/>
  <rect x="210" y="616" width="380" height="46" rx="10" fill="${shade(color, -0.1)}" ${outline(color)}/>
  <rect x="90" y="584" width="80" height="34" rx="8" transform="rotate(-8 130 600)" fill="${shade(color, -0.1)}" ${outline(color)}/>
  <rect x="630" y="584" width="80" height="34" rx="8" transform="rotate(8 670 600)" fill="${shade(color, -0.1)}" ${outline(color)}/>
  <path d="M300 175 Q400 ${back ? 205 : 235} 500 175" ${stitch(color)}/>
  ${hood && !back ? `<path d="M372 228 L366 330 M428 228 L434 330" stroke="#f2efe8" stroke-width="6" stroke-linecap="round"/>` : ""}
  ${pocket && !back ? `<path d="M300 470 L500 470 L540 600 L260 600 Z" fill="${shade(color, -0.06)}" ${stitch(color)}/>` : ""}`

const pants = ({ color, back, length, pockets }) => {
  const hem = 180 + length
  return `
  <path d="M262 150 L538 150 L${560 + length * 0.06} ${hem} L${430} ${hem} L400 ${Math.min(330, 180 + length * 0.35)} L370 ${hem} L${240 - length * 0.06} ${hem} Z"
    fill="${color}" ${outline(color)}/>
  <rect x="256" y="118" width="288" height="48" rx="8" fill="${shade(color, -0.1)}" ${outline(color)}/>
  ${[300, 340, 380, 420, 460, 500].map((x) => `<path d="M${x} 122 V162" stroke="${shade(color, -0.2)}" stroke-width="3"/>`).join("")}
  ${!back ? `<path d="M400 166 V300" ${stitch(color)}/>` : ""}
  ${pockets && !back ? `<path d="M268 175 Q300 240 345 232 M532 175 Q500 240 455 232" ${stitch(color)}/>` : ""}
  ${back ? `<path d="M290 210 H360 V280 H290 Z M440 210 H510 V280 H440 Z" fill="${shade(color, -0.05)}" ${stitch(color)}/>` : ""}`
}

const shirt = ({ color, back }) => `
  <path d="M300 168 L400 200 L500 168 L600 205 Q655 228 668 320 L706 590 L632 606 L592 395 L592 662 L208 662 L208 395 L168 606 L94 590 L132 320 Q145 228 200 205 Z"
    fill="${color}" ${outline(color)}/>
  ${back
    ? `<path d="M300 168 Q400 215 500 168 L490 150 Q400 185 310 150 Z" fill="${shade(color, -0.08)}" ${outline(color)}/>
       <path d="M240 260 Q400 290 560 260" ${stitch(color)}/>`
    : `<path d="M300 168 L400 250 L352 290 L282 190 Z M500 168 L400 250 L448 290 L518 190 Z" fill="${shade(color, -0.06)}" ${outline(color)}/>
       <path d="M400 250 V662" stroke="${shade(color, -0.2)}" stroke-width="3"/>
       ${[300, 380, 460, 540, 620].map((y) => `<circle cx="412" cy="${y}" r="7" fill="#fbf8f2" stroke="${shade(color, -0.3)}" stroke-width="2"/>`).join("")}
       <path d="M470 330 H545 V395 H470 Z" ${stitch(color)}/>`}`

const tote = ({ color }) => `
  <path d="M320 300 Q320 120 400 120 Q480 120 480 300" stroke="${shade(color, -0.2)}" stroke-width="26" fill="none" stroke-linecap="round"/>
  <path d="M220 290 L580 290 L610 680 L190 680 Z" fill="${color}" ${outline(color)}/>
  <path d="M232 318 L568 318" ${stitch(color)}/>
  <circle cx="400" cy="480" r="74" fill="none" stroke="#2e3a2f" stroke-width="10"/>
  <path d="M360 505 L392 450 L412 482 L426 462 L448 505 Z" fill="#2e3a2f"/>`

const beanie = ({ color }) => `
  <clipPath id="dome"><path d="M200 520 Q200 200 400 190 Q600 200 600 520 Z"/></clipPath>
  <path d="M200 520 Q200 200 400 190 Q600 200 600 520 Z" fill="${color}" ${outline(color)}/>
  <g clip-path="url(#dome)">${[250, 300, 350, 400, 450, 500, 550].map((x) => `<path d="M${x} 190 Q${x + (x - 400) * 0.12} 380 ${x} 520" stroke="${shade(color, -0.15)}" stroke-width="4" fill="none"/>`).join("")}</g>
  <rect x="180" y="500" width="440" height="120" rx="24" fill="${shade(color, -0.08)}" ${outline(color)}/>
  ${Array.from({ length: 21 }, (_, i) => 200 + i * 20).map((x) => `<path d="M${x} 510 V610" stroke="${shade(color, -0.2)}" stroke-width="4"/>`).join("")}`

const cap = ({ color }) => `
  <path d="M190 470 Q190 230 400 220 Q610 230 610 470 Z" fill="${color}" ${outline(color)}/>
  <path d="M400 222 V470 M300 240 Q280 360 290 470 M500 240 Q520 360 510 470" ${stitch(color)}/>
  <circle cx="400" cy="226" r="14" fill="${shade(color, -0.15)}"/>
  <path d="M170 470 Q400 430 690 500 Q700 560 640 566 Q400 520 170 530 Z" fill="${shade(color, -0.1)}" ${outline(color)}/>
  <path d="M350 330 L400 300 L450 330 L450 390 L400 420 L350 390 Z" fill="#e9d8a6"/>`

const sock = (x, y, color, stripe) => `
  <g transform="translate(${x} ${y})">
    <path d="M0 0 H120 V300 Q120 330 150 340 L250 370 Q300 390 285 440 Q270 480 220 470 L60 430 Q0 410 0 350 Z" fill="${color}" ${outline(color)}/>
    <rect x="0" y="0" width="120" height="40" fill="${shade(color, -0.08)}"/>
    <rect x="0" y="55" width="120" height="16" fill="${stripe}"/>
    <rect x="0" y="82" width="120" height="16" fill="${stripe}"/>
    <path d="M200 368 Q290 380 285 440 Q270 480 220 470 L190 462 Q230 420 200 368 Z" fill="${stripe}"/>
  </g>`

const socks = () => `${sock(170, 150, "#f3f1ec", "#3b6ea5")}${sock(260, 190, "#f3f1ec", "#d9534f")}${sock(350, 230, "#f3f1ec", "#3a3a3a")}`

const logo = (color) => `<circle cx="400" cy="330" r="46" fill="none" stroke="${color}" stroke-width="8"/>
  <path d="M372 350 V312 L400 336 L428 312 V350" stroke="${color}" stroke-width="8" fill="none" stroke-linejoin="round"/>`

const numbered = `<rect x="300" y="270" width="200" height="150" rx="12" fill="#e7c35a"/>
  <text x="400" y="335" font-family="Georgia, serif" font-size="38" text-anchor="middle" fill="#1f1f1f">No.</text>
  <text x="400" y="395" font-family="Georgia, serif" font-size="56" font-weight="bold" text-anchor="middle" fill="#1f1f1f">042</text>`

/** File name → background and drawing. Each file is listed in dev/demo-catalog.ts. */
const IMAGES = {
  "classic-tee-black-front.jpg": ["#e9edf2", tee({ color: "#2b2b2f", print: logo("#f2efe8") })],
  "classic-tee-black-back.jpg": ["#e9edf2", tee({ color: "#2b2b2f", back: true })],
  "classic-tee-white-front.jpg": ["#dfe6ee", tee({ color: "#f6f4ef", print: logo("#2b2b2f") })],
  "vintage-sweatshirt-front.jpg": ["#efe7dc", sweatshirt({ color: "#7d958f" })],
  "vintage-sweatshirt-back.jpg": ["#efe7dc", sweatshirt({ color: "#7d958f", back: true })],
  "everyday-sweatpants-front.jpg": ["#e8ecef", pants({ color: "#8b8f95", length: 500 })],
  "everyday-sweatpants-back.jpg": ["#e8ecef", pants({ color: "#8b8f95", length: 500, back: true })],
  "summer-shorts-front.jpg": ["#f3ead8", pants({ color: "#c9a46a", length: 280 })],
  "summer-shorts-back.jpg": ["#f3ead8", pants({ color: "#c9a46a", length: 280, back: true })],
  "organic-hoodie-front.jpg": ["#e6e9ee", sweatshirt({ color: "#9ba1a8", hood: true, pocket: true })],
  "linen-shirt-front.jpg": ["#e4ebe6", shirt({ color: "#f4f0e6" })],
  "linen-shirt-back.jpg": ["#e4ebe6", shirt({ color: "#f4f0e6", back: true })],
  "chino-pants-front.jpg": ["#ecebe4", pants({ color: "#bba477", length: 520, pockets: true })],
  "limited-edition-tee-front.jpg": ["#f1e6e6", tee({ color: "#8e2f3c", print: numbered })],
  "canvas-tote-bag.jpg": ["#e3e9e4", tote({ color: "#e9dcc0" })],
  "wool-beanie.jpg": ["#e7e9ee", beanie({ color: "#4a4d54" })],
  "logo-cap.jpg": ["#ece7df", cap({ color: "#26272b" })],
  "running-socks.jpg": ["#dde7ee", socks()],
}

function svg(background, drawing) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 800 800">
    <defs><radialGradient id="bg" cx="50%" cy="40%" r="75%">
      <stop offset="0%" stop-color="${shade(background, 0.04)}"/><stop offset="100%" stop-color="${shade(background, -0.07)}"/>
    </radialGradient></defs>
    <rect width="800" height="800" fill="url(#bg)"/>
    <ellipse cx="400" cy="720" rx="270" ry="26" fill="#000" opacity="0.08"/>
    ${drawing}
  </svg>`
}

mkdirSync(outDir, { recursive: true })
const browser = await chromium.launch({ executablePath: CHROMIUM })
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } })
  let total = 0
  for (const [file, [background, drawing]] of Object.entries(IMAGES)) {
    await page.setContent(`<html><body style="margin:0">${svg(background, drawing)}</body></html>`)
    const path = join(outDir, file)
    await page.screenshot({ path, type: "jpeg", quality: QUALITY, clip: { x: 0, y: 0, width: SIZE, height: SIZE } })
    const bytes = statSync(path).size
    total += bytes
    console.log(`${file}  ${(bytes / 1024).toFixed(1)} KB`)
  }
  console.log(`${Object.keys(IMAGES).length} images, ${(total / 1024).toFixed(0)} KB in ${outDir}`)
} finally {
  await browser.close()
}
