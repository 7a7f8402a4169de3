/**
 * Studio "packshots" for the demo store, drawn as SVG so the repository ships no photos.
 * A product is matched to a silhouette by keywords in its title (English or Chinese), else
 * by its category; its colour comes from a hash of the SKU, so every product looks the same
 * on every machine and neighbours in the grid differ. No <text>: fonts may be missing.
 */
import { combineHashes, hashString } from '../text/hash.ts';

export interface PackshotProduct {
  sku: string;
  title: string;
  category: string;
}

/** Paint roles: a shape says what a part is made of, the palette decides the colour. */
type Role = 'body' | 'bodyDark' | 'bodyLight' | 'accent' | 'dark' | 'metal' | 'glass' | 'paper' | 'wood' | 'amber' | 'highlight' | 'shade';

interface Part {
  d: string;
  role: Role;
  /** Drawn as an outline of this width instead of filled. */
  stroke?: number;
  opacity?: number;
}

interface Shape {
  parts: Part[];
  /** Half-width of the contact shadow on the floor. */
  footprint: number;
}

const floorY = 412;

// ---------- path helpers, so the shape table stays readable ----------

function ellipse(cx: number, cy: number, rx: number, ry: number): string {
  return `M${cx - rx} ${cy}A${rx} ${ry} 0 1 0 ${cx + rx} ${cy}A${rx} ${ry} 0 1 0 ${cx - rx} ${cy}Z`;
}

function roundedRect(x: number, y: number, width: number, height: number, radius: number): string {
  const r = Math.min(radius, width / 2, height / 2);
  return `M${x + r} ${y}H${x + width - r}Q${x + width} ${y} ${x + width} ${y + r}V${y + height - r}Q${x + width} ${y + height} ${x + width - r} ${y + height}H${x + r}Q${x} ${y + height} ${x} ${y + height - r}V${y + r}Q${x} ${y} ${x + r} ${y}Z`;
}

/** A standing cylinder seen slightly from above: straight sides, curved bottom edge. */
function cylinderSide(x: number, top: number, width: number, bottom: number, tilt: number): string {
  return `M${x} ${top}V${bottom}A${width / 2} ${tilt} 0 0 0 ${x + width} ${bottom}V${top}Z`;
}

/** A small tea cup (bowl and foot) centred on cx, its rim at top. */
function teaCup(cx: number, top: number): Part[] {
  return [
    { d: `M${cx - 46} ${top}H${cx + 46}C${cx + 46} ${top + 52} ${cx + 26} ${top + 78} ${cx} ${top + 78}C${cx - 26} ${top + 78} ${cx - 46} ${top + 52} ${cx - 46} ${top}Z`, role: 'body' },
    { d: roundedRect(cx - 18, top + 74, 36, 10, 3), role: 'bodyDark' },
    { d: ellipse(cx, top, 46, 8), role: 'bodyLight' },
    { d: ellipse(cx, top + 1, 40, 5), role: 'accent', opacity: 0.75 },
  ];
}

const teapotBody = 'M156 300C156 222 200 192 256 192C312 192 356 222 356 300C356 362 318 404 256 404C194 404 156 362 156 300Z';
const teapotSpout = 'M172 296C140 288 120 258 102 226L118 218C136 246 156 266 178 270Z';
const teapotHandle = 'M340 236C404 238 414 334 344 364L338 340C382 318 380 262 340 260Z';
const teapotLid = 'M204 204Q256 160 308 204Z';

const phoneOutline = roundedRect(186, 104, 140, 300, 28);

// ---------- the shape table ----------

const shapes = {
  mug: {
    footprint: 120,
    parts: [
      { d: 'M312 226C372 226 384 250 384 290C384 332 364 352 312 354V328C346 326 358 312 358 290C358 266 348 252 312 252Z', role: 'bodyDark' },
      { d: roundedRect(150, 190, 166, 214, 22), role: 'body' },
      { d: ellipse(233, 192, 83, 11), role: 'dark', opacity: 0.55 },
      { d: roundedRect(168, 210, 14, 170, 7), role: 'highlight' },
    ],
  },
  teapot: {
    footprint: 150,
    parts: [
      { d: teapotSpout, role: 'bodyDark' },
      { d: teapotHandle, role: 'bodyDark' },
      { d: teapotBody, role: 'body' },
      { d: teapotLid, role: 'bodyDark' },
      { d: ellipse(256, 176, 13, 11), role: 'accent' },
      { d: 'M160 300C170 330 196 350 230 356', role: 'accent', stroke: 6, opacity: 0.6 },
      { d: 'M186 248C196 226 214 214 234 208', role: 'highlight', stroke: 10 },
    ],
  },
  ironTeapot: {
    footprint: 150,
    parts: [
      { d: teapotSpout, role: 'dark' },
      { d: 'M190 210C190 120 322 120 322 210', role: 'metal', stroke: 9 },
      { d: teapotBody, role: 'dark' },
      { d: teapotLid, role: 'bodyDark' },
      { d: ellipse(256, 176, 13, 11), role: 'bodyDark' },
      ...[232, 262, 292, 322].flatMap((y) =>
        [196, 226, 256, 286, 316].map((x): Part => ({ d: ellipse(x + ((y / 30) % 2) * 12 - 6, y, 5, 5), role: 'body', opacity: 0.55 })),
      ),
      { d: 'M186 252C196 230 214 216 234 210', role: 'highlight', stroke: 8, opacity: 0.5 },
    ],
  },
  glassTeapot: {
    footprint: 150,
    parts: [
      { d: teapotSpout, role: 'glass' },
      { d: teapotHandle, role: 'glass' },
      { d: teapotBody, role: 'glass' },
      { d: 'M176 300C176 250 210 226 256 226C302 226 336 250 336 300C336 352 306 386 256 386C206 386 176 352 176 300Z', role: 'body', opacity: 0.55 },
      { d: roundedRect(226, 196, 60, 120, 10), role: 'metal', opacity: 0.9 },
      { d: teapotLid, role: 'metal' },
      { d: ellipse(256, 176, 13, 11), role: 'dark' },
      { d: 'M184 262C194 238 212 222 234 214', role: 'highlight', stroke: 10 },
    ],
  },
  cups: {
    footprint: 190,
    parts: [
      { d: roundedRect(90, 384, 332, 20, 8), role: 'wood' },
      ...teaCup(150, 300),
      ...teaCup(256, 300),
      ...teaCup(362, 300),
    ],
  },
  dripper: {
    footprint: 120,
    parts: [
      { d: roundedRect(176, 330, 160, 74, 16), role: 'bodyDark' },
      { d: roundedRect(196, 316, 120, 18, 6), role: 'body' },
      { d: 'M168 182H344L302 318H210Z', role: 'body' },
      { d: ellipse(256, 182, 88, 12), role: 'bodyLight' },
      { d: 'M204 200L226 300M256 200V300M308 200L286 300', role: 'bodyDark', stroke: 4, opacity: 0.6 },
    ],
  },
  bottle: {
    footprint: 70,
    parts: [
      { d: roundedRect(206, 150, 100, 254, 28), role: 'body' },
      { d: roundedRect(220, 104, 72, 52, 10), role: 'dark' },
      { d: 'M238 108C238 76 274 76 274 108', role: 'dark', stroke: 8 },
      { d: roundedRect(206, 320, 100, 12, 0), role: 'bodyDark' },
      { d: roundedRect(220, 168, 12, 140, 6), role: 'highlight' },
    ],
  },
  board: {
    footprint: 160,
    parts: [
      { d: roundedRect(124, 120, 190, 284, 26), role: 'wood', opacity: 0.8 },
      { d: ellipse(219, 154, 22, 12), role: 'shade', opacity: 0.35 },
      { d: roundedRect(198, 176, 196, 228, 22), role: 'wood' },
      { d: roundedRect(198, 176, 196, 228, 22), role: 'body', opacity: 0.18 },
      { d: 'M222 220H370M222 300H370M222 360H370', role: 'shade', stroke: 2, opacity: 0.12 },
    ],
  },
  tshirt: {
    footprint: 150,
    parts: [
      { d: 'M198 132L148 152L100 220L148 256L176 232V404H336V232L364 256L412 220L364 152L314 132C304 160 284 174 256 174C228 174 208 160 198 132Z', role: 'body' },
      { d: 'M198 132C208 160 228 174 256 174C284 174 304 160 314 132L300 128C292 150 276 160 256 160C236 160 220 150 212 128Z', role: 'bodyDark' },
      { d: 'M176 232V404H196V244Z', role: 'shade', opacity: 0.12 },
    ],
  },
  hoodie: {
    footprint: 160,
    parts: [
      { d: 'M196 150C196 104 224 86 256 86C288 86 316 104 316 150Z', role: 'bodyDark' },
      { d: 'M194 150C206 172 228 184 256 184C284 184 306 172 318 150Z', role: 'dark', opacity: 0.75 },
      { d: 'M194 150L150 172L112 300L110 396H150L166 300L176 264V404H336V264L346 300L362 396H402L400 300L362 172L318 150C306 172 284 184 256 184C228 184 206 172 194 150Z', role: 'body' },
      { d: 'M206 320H306L318 380H194Z', role: 'bodyDark' },
      { d: 'M240 186V250M272 186V250', role: 'paper', stroke: 4 },
      { d: roundedRect(110, 380, 40, 16, 4), role: 'bodyDark' },
      { d: roundedRect(362, 380, 40, 16, 4), role: 'bodyDark' },
    ],
  },
  beanie: {
    footprint: 120,
    parts: [
      { d: 'M152 330C152 220 196 164 256 164C316 164 360 220 360 330Z', role: 'body' },
      { d: ellipse(256, 146, 30, 28), role: 'bodyLight' },
      { d: roundedRect(140, 318, 232, 76, 16), role: 'bodyDark' },
      { d: 'M164 326V386M188 326V386M212 326V386M236 326V386M260 326V386M284 326V386M308 326V386M332 326V386M352 326V386', role: 'shade', stroke: 4, opacity: 0.18 },
    ],
  },
  tote: {
    footprint: 120,
    parts: [
      { d: 'M194 224C194 120 318 120 318 224H302C302 144 210 144 210 224Z', role: 'bodyDark' },
      { d: 'M160 220H352L366 404H146Z', role: 'paper' },
      { d: roundedRect(206, 262, 100, 100, 50), role: 'body' },
      { d: 'M160 220H352L354 236H158Z', role: 'shade', opacity: 0.1 },
    ],
  },
  socks: {
    footprint: 120,
    parts: [
      { d: 'M170 116H246V286L296 336C320 360 304 400 266 394L198 384C166 380 160 348 166 320Z', role: 'bodyDark' },
      { d: 'M218 132H294V302L344 352C368 376 352 416 314 410L246 400C214 396 208 364 214 336Z', role: 'body' },
      { d: roundedRect(218, 132, 76, 40, 6), role: 'accent' },
      { d: 'M316 372C336 378 346 392 334 404C326 410 318 410 306 408Z', role: 'accent' },
    ],
  },
  phoneCase: {
    footprint: 80,
    parts: [
      { d: phoneOutline, role: 'body' },
      { d: roundedRect(200, 118, 70, 76, 18), role: 'bodyDark' },
      { d: ellipse(220, 138, 12, 12), role: 'dark' },
      { d: ellipse(220, 174, 12, 12), role: 'dark' },
      { d: ellipse(252, 156, 6, 6), role: 'paper' },
      { d: ellipse(256, 290, 26, 26), role: 'bodyLight', opacity: 0.6 },
      { d: 'M196 130V380', role: 'highlight', stroke: 6 },
    ],
  },
  screen: {
    footprint: 110,
    parts: [
      { d: roundedRect(150, 130, 140, 280, 26), role: 'glass' },
      { d: roundedRect(214, 110, 140, 290, 28), role: 'dark' },
      { d: roundedRect(222, 118, 124, 274, 22), role: 'body', opacity: 0.85 },
      { d: roundedRect(258, 124, 52, 12, 6), role: 'dark' },
      { d: 'M230 380L338 150V200L250 390Z', role: 'highlight' },
    ],
  },
  headphones: {
    footprint: 130,
    parts: [
      { d: 'M146 300C146 140 366 140 366 300H342C342 170 170 170 170 300Z', role: 'bodyDark' },
      { d: roundedRect(128, 268, 66, 126, 28), role: 'body' },
      { d: roundedRect(318, 268, 66, 126, 28), role: 'body' },
      { d: roundedRect(180, 280, 22, 102, 10), role: 'dark' },
      { d: roundedRect(310, 280, 22, 102, 10), role: 'dark' },
      { d: 'M140 290V370', role: 'highlight', stroke: 6 },
    ],
  },
  earbuds: {
    footprint: 110,
    parts: [
      // Lid flipped open behind the case, buds resting in their wells.
      { d: roundedRect(172, 176, 168, 100, 46), role: 'bodyDark' },
      { d: roundedRect(184, 188, 144, 76, 36), role: 'dark', opacity: 0.5 },
      { d: ellipse(218, 272, 26, 24), role: 'paper' },
      { d: ellipse(294, 272, 26, 24), role: 'paper' },
      { d: 'M194 276C198 290 212 296 226 294C238 292 244 282 244 272', role: 'shade', stroke: 5, opacity: 0.12 },
      { d: 'M270 276C274 290 288 296 302 294C314 292 320 282 320 272', role: 'shade', stroke: 5, opacity: 0.12 },
      { d: 'M166 284H346V344C346 378 318 404 286 404H226C194 404 166 378 166 344Z', role: 'body' },
      { d: 'M166 284H346', role: 'bodyDark', stroke: 4 },
      { d: ellipse(256, 352, 10, 5), role: 'paper' },
      { d: 'M182 300V350', role: 'highlight', stroke: 8 },
    ],
  },
  charger: {
    footprint: 80,
    parts: [
      { d: roundedRect(224, 140, 14, 66, 3), role: 'metal' },
      { d: roundedRect(274, 140, 14, 66, 3), role: 'metal' },
      { d: roundedRect(186, 196, 140, 208, 28), role: 'paper' },
      { d: roundedRect(186, 196, 140, 22, 10), role: 'body' },
      { d: roundedRect(232, 332, 48, 14, 7), role: 'dark' },
      { d: ellipse(256, 290, 8, 8), role: 'body' },
    ],
  },
  cable: {
    footprint: 140,
    parts: [
      { d: ellipse(256, 300, 120, 74), role: 'body', stroke: 14 },
      { d: ellipse(256, 300, 98, 58), role: 'bodyDark', stroke: 14 },
      { d: ellipse(256, 300, 76, 42), role: 'body', stroke: 14 },
      { d: 'M372 290C396 250 400 210 392 180', role: 'body', stroke: 14 },
      { d: roundedRect(376, 128, 32, 56, 8), role: 'dark' },
      { d: roundedRect(382, 104, 20, 28, 6), role: 'metal' },
      { d: 'M140 310C118 340 116 360 122 380', role: 'body', stroke: 14 },
      { d: roundedRect(104, 374, 36, 30, 8), role: 'dark' },
    ],
  },
  powerbank: {
    footprint: 90,
    parts: [
      { d: roundedRect(176, 128, 160, 276, 26), role: 'body' },
      { d: roundedRect(176, 128, 160, 276, 26), role: 'shade', opacity: 0.08 },
      ...[0, 1, 2, 3].map((index): Part => ({ d: ellipse(226 + index * 20, 360, 5, 5), role: index < 3 ? 'paper' : 'bodyDark' })),
      { d: roundedRect(236, 140, 40, 10, 5), role: 'dark' },
      { d: 'M190 150V380', role: 'highlight', stroke: 6 },
    ],
  },
  pad: {
    footprint: 150,
    parts: [
      { d: 'M396 334C430 340 440 370 452 404', role: 'dark', stroke: 8 },
      { d: `M116 318V338A140 40 0 0 0 396 338V318Z`, role: 'bodyDark' },
      { d: ellipse(256, 318, 140, 40), role: 'body' },
      { d: ellipse(256, 316, 90, 24), role: 'paper', stroke: 5, opacity: 0.8 },
      { d: ellipse(256, 316, 18, 5), role: 'bodyLight' },
    ],
  },
  tin: {
    footprint: 90,
    parts: [
      { d: cylinderSide(181, 186, 150, 392, 14), role: 'body' },
      { d: 'M181 250H331V334H181Z', role: 'paper' },
      { d: ellipse(256, 292, 30, 30), role: 'accent' },
      { d: ellipse(256, 292, 20, 20), role: 'paper', stroke: 3 },
      { d: cylinderSide(175, 150, 162, 196, 14), role: 'bodyDark' },
      { d: ellipse(256, 150, 81, 14), role: 'bodyLight' },
      { d: 'M194 206V384', role: 'highlight', stroke: 10 },
    ],
  },
  teaCake: {
    footprint: 160,
    parts: [
      { d: 'M106 296V318A150 74 0 0 0 406 318V296Z', role: 'paper' },
      { d: 'M106 318A150 74 0 0 0 406 318', role: 'shade', stroke: 2, opacity: 0.2 },
      { d: ellipse(256, 296, 150, 74), role: 'paper' },
      { d: ellipse(256, 296, 150, 74), role: 'shade', opacity: 0.05 },
      { d: ellipse(256, 290, 70, 34), role: 'body', stroke: 8 },
      { d: roundedRect(236, 270, 40, 40, 4), role: 'body' },
      { d: 'M170 260L200 300M320 330L344 300M190 330L214 316', role: 'shade', stroke: 2, opacity: 0.15 },
    ],
  },
  jar: {
    footprint: 90,
    parts: [
      { d: roundedRect(182, 196, 148, 208, 40), role: 'glass' },
      { d: roundedRect(190, 228, 132, 168, 34), role: 'amber' },
      { d: roundedRect(192, 156, 128, 46, 10), role: 'body' },
      { d: roundedRect(210, 270, 92, 70, 8), role: 'paper' },
      { d: ellipse(256, 305, 18, 18), role: 'body' },
      { d: 'M200 240V380', role: 'highlight', stroke: 8 },
    ],
  },
  dropper: {
    footprint: 70,
    parts: [
      { d: 'M238 188V148C238 116 274 116 274 148V188Z', role: 'dark' },
      { d: roundedRect(224, 182, 64, 44, 6), role: 'metal' },
      { d: roundedRect(198, 220, 116, 184, 22), role: 'body' },
      { d: roundedRect(214, 278, 84, 76, 6), role: 'paper' },
      { d: 'M236 300H276M236 318H268', role: 'body', stroke: 4, opacity: 0.7 },
      { d: 'M210 236V390', role: 'highlight', stroke: 8 },
    ],
  },
  tube: {
    footprint: 80,
    parts: [
      { d: 'M200 346L188 136H324L312 346Z', role: 'paper' },
      { d: 'M198 300L194 200H318L314 300Z', role: 'body' },
      { d: roundedRect(182, 118, 148, 22, 4), role: 'bodyDark' },
      { d: 'M196 124V134M212 124V134M228 124V134M244 124V134M260 124V134M276 124V134M292 124V134M308 124V134', role: 'shade', stroke: 2, opacity: 0.25 },
      { d: roundedRect(214, 344, 84, 60, 8), role: 'bodyDark' },
      { d: 'M204 150L214 330', role: 'highlight', stroke: 8 },
    ],
  },
  soap: {
    footprint: 130,
    parts: [
      { d: roundedRect(140, 300, 232, 104, 44), role: 'bodyDark' },
      { d: roundedRect(140, 282, 232, 100, 44), role: 'body' },
      { d: ellipse(256, 332, 62, 26), role: 'bodyLight', opacity: 0.6 },
      { d: ellipse(256, 332, 62, 26), role: 'bodyDark', stroke: 3, opacity: 0.5 },
    ],
  },
  box: {
    footprint: 130,
    parts: [
      { d: 'M322 206L362 178V378L322 404Z', role: 'bodyDark' },
      { d: 'M150 206L190 178H362L322 206Z', role: 'bodyLight' },
      { d: 'M150 206H322V404H150Z', role: 'body' },
      { d: roundedRect(174, 250, 124, 90, 8), role: 'paper' },
      { d: ellipse(236, 295, 22, 22), role: 'accent' },
    ],
  },
} satisfies Record<string, Shape>;

type ShapeName = keyof typeof shapes;

/** First match wins, so specific words come before general ones ("glass teapot" before "teapot"). */
const titleKeywords: [RegExp, ShapeName][] = [
  [/cast iron|tetsubin|铁壶/, 'ironTeapot'],
  [/glass teapot|玻璃.*壶/, 'glassTeapot'],
  [/teapot|茶壶/, 'teapot'],
  [/\bcups?\b|茶杯/, 'cups'],
  [/\bmug\b|马克杯/, 'mug'],
  [/dripper|滤杯/, 'dripper'],
  [/bottle|水杯|保温/, 'bottle'],
  [/cutting board|砧板/, 'board'],
  [/hoodie|卫衣/, 'hoodie'],
  [/t-shirt|\btee\b|t恤/, 'tshirt'],
  [/beanie|毛线帽/, 'beanie'],
  [/\btote\b|\bbag\b|帆布袋/, 'tote'],
  [/\bsocks?\b|袜/, 'socks'],
  [/earbud|耳机盒|真无线/, 'earbuds'],
  [/headphone|头戴/, 'headphones'],
  [/charging pad|无线充/, 'pad'],
  [/charger|充电器/, 'charger'],
  [/cable|数据线/, 'cable'],
  [/power bank|充电宝/, 'powerbank'],
  [/screen protector|钢化膜/, 'screen'],
  [/phone case|手机壳/, 'phoneCase'],
  [/tea cake|茶饼|饼茶/, 'teaCake'],
  [/honey|蜂蜜|\bjam\b/, 'jar'],
  [/\bbags\b|茶包|面膜|sheet mask/, 'box'],
  [/\bsoap\b|香皂|皂/, 'soap'],
  [/cream|sunscreen|lotion|霜/, 'tube'],
  [/\boil\b|serum|精华|精油/, 'dropper'],
  [/matcha|\btea\b|茶/, 'tin'],
];

const categoryShapes: [RegExp, ShapeName][] = [
  [/kitchen|home/, 'mug'],
  [/apparel|clothing/, 'tshirt'],
  [/electronic/, 'phoneCase'],
  [/tea|grocery|food/, 'tin'],
  [/beauty|care/, 'dropper'],
];

function shapeFor(product: PackshotProduct): Shape {
  const title = product.title.toLowerCase();
  const category = product.category.toLowerCase();
  const match = titleKeywords.find(([pattern]) => pattern.test(title)) ?? categoryShapes.find(([pattern]) => pattern.test(category));
  return shapes[match?.[1] ?? 'box'];
}

// ---------- colour ----------

function hslToHex(hue: number, saturation: number, lightness: number): string {
  const s = saturation / 100;
  const l = lightness / 100;
  const amplitude = s * Math.min(l, 1 - l);
  const channel = (offset: number): string => {
    const k = (offset + hue / 30) % 12;
    const value = l - amplitude * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

interface Palette {
  /** The body colour itself, for the body's light-to-dark gradient. */
  tone: string;
  fills: Record<Role, string>;
  background: [string, string];
}

/** Hues that look good as product colours; muddy olives and greenish yellows are left out. */
const productHues = [4, 18, 30, 42, 150, 168, 188, 204, 220, 240, 262, 285, 318, 340];

/** Calm, shop-like colours picked by the SKU's hash, mixed so neighbouring SKUs differ. */
function paletteFor(sku: string): Palette {
  const hash = combineHashes(hashString(sku), sku.length);
  const hue = ((productHues[hash % productHues.length] ?? 0) + ((hash >>> 8) % 13) - 6 + 360) % 360;
  const saturation = 40 + ((hash >>> 12) % 20);
  const lightness = 46 + ((hash >>> 17) % 10);
  const accentHue = (hue + 150 + ((hash >>> 23) % 60)) % 360;
  return {
    tone: hslToHex(hue, saturation, lightness),
    fills: {
      body: 'url(#body)',
      bodyDark: hslToHex(hue, saturation, lightness - 16),
      bodyLight: hslToHex(hue, saturation - 6, lightness + 18),
      accent: hslToHex(accentHue, 55, 52),
      dark: '#2f3136',
      metal: 'url(#metal)',
      glass: '#dfeef4',
      paper: '#f7f4ee',
      wood: 'url(#wood)',
      amber: '#e2a23b',
      highlight: '#ffffff',
      shade: '#000000',
    },
    background: [hslToHex(hue, 25, 97), hslToHex(hue, 18, 86)],
  };
}

/** Default opacity per role: glass and highlights are see-through by nature. */
const roleOpacity: Partial<Record<Role, number>> = { glass: 0.7, highlight: 0.35 };

function renderPart(part: Part, palette: Palette): string {
  const paint = palette.fills[part.role];
  const opacity = part.opacity ?? roleOpacity[part.role];
  const opacityAttribute = opacity === undefined ? '' : ` opacity="${opacity}"`;
  if (part.stroke !== undefined) {
    return `<path d="${part.d}" fill="none" stroke="${paint}" stroke-width="${part.stroke}" stroke-linecap="round" stroke-linejoin="round"${opacityAttribute}/>`;
  }
  return `<path d="${part.d}" fill="${paint}"${opacityAttribute}/>`;
}

/** A 512×512 SVG document of the product on a soft studio background. */
export function packshotSvg(product: PackshotProduct): string {
  const shape = shapeFor(product);
  const palette = paletteFor(product.sku);
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">',
    '<defs>',
    `<linearGradient id="backdrop" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${palette.background[0]}"/><stop offset="0.72" stop-color="${palette.background[0]}"/><stop offset="1" stop-color="${palette.background[1]}"/></linearGradient>`,
    `<radialGradient id="spot" cx="0.5" cy="0.42" r="0.55"><stop offset="0" stop-color="#ffffff" stop-opacity="0.85"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></radialGradient>`,
    // Lit from the upper left: the body fades from a lighter to a darker tone.
    `<linearGradient id="body" x1="0" y1="0" x2="1" y2="0.35"><stop offset="0" stop-color="${palette.fills.bodyLight}"/><stop offset="0.45" stop-color="${palette.tone}"/><stop offset="1" stop-color="${palette.fills.bodyDark}"/></linearGradient>`,
    '<linearGradient id="metal" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#e9ebee"/><stop offset="0.5" stop-color="#a9aeb6"/><stop offset="1" stop-color="#d4d7dc"/></linearGradient>',
    '<linearGradient id="wood" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#e0b883"/><stop offset="1" stop-color="#b98a55"/></linearGradient>',
    '<filter id="blur" x="-50%" y="-200%" width="200%" height="500%"><feGaussianBlur stdDeviation="10"/></filter>',
    '</defs>',
    '<rect width="512" height="512" fill="url(#backdrop)"/>',
    '<rect width="512" height="512" fill="url(#spot)"/>',
    `<path d="${ellipse(256, floorY, shape.footprint, 16)}" fill="#000000" opacity="0.22" filter="url(#blur)"/>`,
    ...shape.parts.map((part) => renderPart(part, palette)),
    '</svg>',
  ].join('\n');
}
