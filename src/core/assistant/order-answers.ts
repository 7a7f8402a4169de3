/**
 * Replies built only from the store's facts about an order: its status, dates, carrier and
 * tracking, and return eligibility from the delivery date and the store's return window.
 * Anything the store does not know is left out, never guessed.
 */
import type { Order } from '../../shared/types.ts';

export type ReplyLanguage = 'en' | 'zh';

const day = 24 * 60 * 60 * 1000;

function dateOf(iso: string): string {
  return iso.slice(0, 10);
}

function greeting(name: string | null, language: ReplyLanguage): string {
  if (language === 'zh') return name ? `${name}您好，` : '您好，';
  return name ? `Hi ${name}, ` : 'Hi, ';
}

export const statusWordsZh: Record<Order['status'], string> = {
  pending: '待付款',
  paid: '已付款',
  shipped: '已发货',
  delivered: '已签收',
  cancelled: '已取消',
  returned: '已退货',
  refunded: '已退款',
};

function shipment(order: Order, language: ReplyLanguage): string {
  if (!order.carrier && !order.trackingNumber) return '';
  if (language === 'zh') return `${order.carrier ? `承运商${order.carrier}` : ''}${order.carrier && order.trackingNumber ? '，' : ''}${order.trackingNumber ? `运单号${order.trackingNumber}` : ''}。`;
  const parts = [order.carrier ? `carrier ${order.carrier}` : '', order.trackingNumber ? `tracking number ${order.trackingNumber}` : ''].filter(Boolean).join(', ');
  return ` Shipment: ${parts}.`;
}

/** Not shipped yet, nor closed: the order can still change or be cancelled. */
export function awaitingShipment(order: Order): boolean {
  return order.status === 'pending' || order.status === 'paid';
}

export function orderStatusReply(order: Order, name: string | null, language: ReplyLanguage): string {
  const n = order.number;
  if (language === 'zh') {
    const dates = order.status === 'delivered' && order.deliveredAt ? `，签收日期${dateOf(order.deliveredAt)}` : order.status === 'shipped' && order.shippedAt ? `，发货日期${dateOf(order.shippedAt)}` : '';
    const tail = order.status === 'shipped' || order.status === 'delivered' ? shipment(order, language) : '';
    return `${greeting(name, language)}您的订单${n}当前状态为“${statusWordsZh[order.status]}”${dates}。${tail}`;
  }
  const sentences: Record<Order['status'], string> = {
    pending: `your order ${n} is waiting for payment and has not shipped yet.`,
    paid: `your order ${n} is paid and being prepared; it has not shipped yet.`,
    shipped: `your order ${n} shipped${order.shippedAt ? ` on ${dateOf(order.shippedAt)}` : ''}.${shipment(order, language)}`,
    delivered: `your order ${n} was delivered${order.deliveredAt ? ` on ${dateOf(order.deliveredAt)}` : ''}.${shipment(order, language)}`,
    cancelled: `your order ${n} was cancelled.`,
    returned: `your order ${n} was returned to us.`,
    refunded: `your order ${n} has been refunded.`,
  };
  return `${greeting(name, language)}${sentences[order.status]}`;
}

export interface ReturnEligibility {
  eligible: boolean;
  reply: string;
}

/** Whether the order can be returned today under a return window of `windowDays` days after delivery. */
export function returnEligibility(order: Order, windowDays: number, now: Date, name: string | null, language: ReplyLanguage): ReturnEligibility {
  const n = order.number;
  const hello = greeting(name, language);
  const zh = language === 'zh';
  if (order.status === 'delivered' && order.deliveredAt) {
    const deadline = dateOf(new Date(Date.parse(order.deliveredAt) + windowDays * day).toISOString());
    const delivered = dateOf(order.deliveredAt);
    if (now.getTime() <= Date.parse(order.deliveredAt) + windowDays * day) {
      return {
        eligible: true,
        reply: zh
          ? `${hello}订单${n}于${delivered}签收，仍在${windowDays}天退货期内（截至${deadline}），可以申请退货。`
          : `${hello}order ${n} was delivered on ${delivered}, so it is within our ${windowDays}-day return window until ${deadline} and can be returned.`,
      };
    }
    return {
      eligible: false,
      reply: zh
        ? `${hello}订单${n}于${delivered}签收，${windowDays}天退货期已于${deadline}结束，按政策无法退货。`
        : `${hello}order ${n} was delivered on ${delivered}; our ${windowDays}-day return window ended on ${deadline}, so it can no longer be returned under our policy.`,
    };
  }
  if (order.status === 'delivered') {
    // The store has no delivery date: state the policy rather than guess the deadline.
    return {
      eligible: false,
      reply: zh ? `${hello}订单${n}已签收，签收后${windowDays}天内可以申请退货。` : `${hello}order ${n} is delivered; items can be returned within ${windowDays} days of delivery.`,
    };
  }
  if (order.status === 'shipped') {
    return {
      eligible: false,
      reply: zh
        ? `${hello}订单${n}正在配送中，签收后${windowDays}天内可以申请退货。`
        : `${hello}order ${n} is on its way; once it is delivered you can return it within ${windowDays} days.`,
    };
  }
  if (awaitingShipment(order)) {
    return {
      eligible: false,
      reply: zh ? `${hello}订单${n}尚未发货，无需退货，我们可以直接为您取消订单。` : `${hello}order ${n} has not shipped yet, so instead of a return we can cancel it for you.`,
    };
  }
  return {
    eligible: false,
    reply: zh ? `${hello}订单${n}${statusWordsZh[order.status]}。` : `${hello}order ${n} has already been ${order.status}.`,
  };
}

/**
 * Whether the delivery address of an order can still change: only before it ships. Once it has,
 * the reply says so with the shipment's facts instead of promising a change.
 */
export function addressChangeReply(order: Order, name: string | null, language: ReplyLanguage): string {
  const n = order.number;
  const hello = greeting(name, language);
  const zh = language === 'zh';
  if (awaitingShipment(order)) {
    return zh ? `${hello}订单${n}尚未发货，收货地址还可以修改，请把完整的新地址发给我。` : `${hello}order ${n} has not shipped yet, so its delivery address can still be changed: please send me the full new address.`;
  }
  if (order.status === 'shipped') {
    const shipped = order.shippedAt ? (zh ? `于${dateOf(order.shippedAt)}` : ` on ${dateOf(order.shippedAt)}`) : '';
    return zh
      ? `${hello}订单${n}已${shipped}发货，我们这边已无法修改收货地址。${shipment(order, language)}`.trimEnd()
      : `${hello}order ${n} already shipped${shipped}, so we can no longer change its delivery address.${shipment(order, language)}`;
  }
  return orderStatusReply(order, name, language);
}

/** Asks for the right order number; lists the customer's own recent orders when there are any. */
export function askOrderNumberReply(number: string | null, knownNumbers: readonly string[], name: string | null, language: ReplyLanguage): string {
  const hello = greeting(name, language);
  if (language === 'zh') {
    const notFound = number ? `我没有找到订单号为${number}的订单。` : '';
    const hint = knownNumbers.length ? `您最近的订单是${knownNumbers.join('、')}，请问是其中哪一个？` : '请提供订单确认邮件中的订单号以及下单时使用的邮箱，方便我为您查询。';
    return `${hello}${notFound}${hint}`;
  }
  const notFound = number ? `I could not find an order numbered ${number} on your account. ` : '';
  const hint = knownNumbers.length
    ? `Your recent orders are ${knownNumbers.join(', ')}: is it one of these?`
    : 'Could you send the order number from your confirmation email, and the email address you ordered with?';
  return `${hello}${notFound}${hint}`;
}
