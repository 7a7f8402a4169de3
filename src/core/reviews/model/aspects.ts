/**
 * Aspect detection by bilingual lexicon over clauses. Which aspects a clause talks about
 * comes from these cues; how it talks about them comes from the sentiment model run on
 * the clause (see scorer.ts). Cues are matched on normalised (NFKC, lower-case) text.
 */
import { reviewAspects, type ReviewAspect } from '../../../shared/types.ts';

// The names are part of the contract (filters, summaries); the cues below are the core's.
export { reviewAspects, type ReviewAspect };

// Cue lists per aspect: English words matched at word boundaries, Chinese as substrings.
const cues: Record<ReviewAspect, { english: string; chinese: string }> = {
  quality: {
    english: 'quality|well made|well-made|cheaply made|poorly made|material|materials|fabric|stitching|seams?|durable|flimsy|sturdy|fell apart|falling apart|craftsmanship|build|construction|thin|pilling|pills|faded|workmanship',
    chinese: '质量|做工|材质|面料|质感|用料|品质|结实|耐用|粗糙|线头|掉色|起球|褪色|劣质|手感',
  },
  size_fit: {
    english: 'size|sizes|sizing|sized|fit|fits|fitting|fitted|too small|too big|too large|too tight|too loose|tight|loose|runs small|runs large|runs big|length|petite|waist|snug|baggy|roomy|true to size',
    chinese: '尺码|尺寸|大小|码数|码子|偏大|偏小|合身|太紧|太松|宽松|长度|腰围|肥了|瘦了|大了|小了',
  },
  delivery: {
    english: 'delivery|delivered|deliver|shipping|shipped|ship|arrived|arrive|arrival|courier|tracking|dispatch|dispatched|shipment|postage|mail|took \\w+ (?:days|weeks)',
    chinese: '物流|快递|发货|送货|配送|到货|送达|快递员|运输|邮寄|运费|送到|到的',
  },
  price_value: {
    english: 'price|priced|pricing|value|worth|money|expensive|overpriced|cost|costs|deal|bargain|affordable|inexpensive|pricey|cheaper',
    chinese: '价格|价钱|性价比|便宜|贵|划算|实惠|值得|不值|物美价廉|优惠|价位|钱',
  },
  packaging: {
    english: 'packaging|package|packaged|packing|packed|box|boxes|wrapped|wrapping|bubble wrap|seal|sealed',
    chinese: '包装|盒子|包裹|外包装|纸箱|封口|密封|箱子',
  },
  customer_service: {
    english: 'customer service|seller|sellers|vendor|support|service|staff|rep|representative|responded|response|reply|replied|communication|store|shop',
    chinese: '客服|服务|卖家|商家|售后|态度|店家|掌柜|回复|店铺',
  },
  function_performance: {
    english: 'works|worked|working|work|performance|performs|function|functions|functional|battery|power|speed|effective|effect|results|stopped|broken|broke|breaks|defective|died|dies|sound|screen|charge|charging|noise|noisy|suction|heats?|cleans?|useless|reliable',
    chinese: '效果|性能|功能|好用|电池|续航|屏幕|运行|声音|音质|系统|使用|用着|用起来|充电|噪音|信号|速度很|反应',
  },
  taste_smell: {
    english: 'taste|tastes|tasty|flavor|flavors|flavour|smell|smells|smelled|scent|scented|odor|odour|fragrance|delicious|stinks?',
    chinese: '味道|口感|好吃|难吃|气味|香味|味儿|异味|臭|闻|香气|口味',
  },
};

/**
 * One pattern for all cues, a named group per aspect: a text is scanned once, however
 * many aspects there are (matching clause by clause and aspect by aspect was the slowest
 * part of scoring).
 */
const groupName = (aspect: ReviewAspect) => aspect.replace(/_/g, '');
const cuePattern = new RegExp(
  reviewAspects.map((aspect) => `(?<${groupName(aspect)}>\\b(?:${cues[aspect].english})\\b|${cues[aspect].chinese})`).join('|'),
  'g',
);

export interface AspectMention {
  aspect: ReviewAspect;
  /** Position of the cue in the text. */
  index: number;
}

/** Every aspect cue in a normalised text, in text order. */
export function aspectMentions(normalizedText: string): AspectMention[] {
  const mentions: AspectMention[] = [];
  for (const match of normalizedText.matchAll(cuePattern)) {
    const groups = match.groups ?? {};
    const aspect = reviewAspects.find((name) => groups[groupName(name)] !== undefined);
    if (aspect) mentions.push({ aspect, index: match.index });
  }
  return mentions;
}

/** The aspects a clause mentions, in the order of `reviewAspects`. */
export function aspectsInClause(clause: string): ReviewAspect[] {
  const found = new Set(aspectMentions(clause).map((mention) => mention.aspect));
  return reviewAspects.filter((aspect) => found.has(aspect));
}
