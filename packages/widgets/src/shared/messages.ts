import { msg } from '@lit/localize';

/** Shown in place of "check your network" when the unit does not allow this page's site: the truth, and who can fix it. */
export const originRefusedText = () =>
  msg('Dịch vụ này chưa được thiết lập trên trang web này. Xin báo người quản trị trang web của đơn vị.', { id: 'common.originRefused' });
