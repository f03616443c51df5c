// Synthetic procedures for benchmarks: `node bench/gen-procedures.mjs [count] [out.json]` writes a
// catalogue (the static `src` format, also what `sipas-server import-procedures` reads) of
// plausible commune-level procedures: real-looking names from field vocabularies, made-up codes.
import { writeFileSync } from 'node:fs';

const FIELDS = {
  'Hộ tịch': ['Đăng ký khai sinh', 'Đăng ký kết hôn', 'Đăng ký khai tử', 'Đăng ký giám hộ', 'Đăng ký nhận cha, mẹ, con', 'Cấp bản sao trích lục hộ tịch', 'Cấp giấy xác nhận tình trạng hôn nhân'],
  'Chứng thực': ['Chứng thực bản sao từ bản chính', 'Chứng thực chữ ký', 'Chứng thực hợp đồng, giao dịch', 'Chứng thực di chúc', 'Chứng thực văn bản thỏa thuận phân chia di sản'],
  'Đất đai': ['Đăng ký biến động đất đai', 'Hòa giải tranh chấp đất đai', 'Xác nhận nguồn gốc đất', 'Đăng ký đất đai lần đầu', 'Gia hạn sử dụng đất nông nghiệp'],
  'Đăng ký, quản lý cư trú': ['Đăng ký thường trú', 'Đăng ký tạm trú', 'Khai báo tạm vắng', 'Tách hộ', 'Xác nhận thông tin về cư trú', 'Gia hạn tạm trú'],
  'Hoạt động xây dựng': ['Cấp giấy phép xây dựng nhà ở riêng lẻ', 'Gia hạn giấy phép xây dựng', 'Điều chỉnh giấy phép xây dựng', 'Cấp lại giấy phép xây dựng'],
  'Bảo trợ xã hội': ['Trợ cấp xã hội hằng tháng', 'Hỗ trợ chi phí mai táng', 'Xác định mức độ khuyết tật', 'Trợ giúp xã hội khẩn cấp', 'Đổi, cấp lại giấy xác nhận khuyết tật'],
  'Người có công': ['Giải quyết trợ cấp ưu đãi', 'Cấp giấy giới thiệu đi thăm viếng mộ liệt sĩ', 'Hỗ trợ cải thiện nhà ở', 'Xác nhận thân nhân liệt sĩ'],
  'Giảm nghèo': ['Công nhận hộ nghèo, hộ cận nghèo', 'Công nhận hộ thoát nghèo', 'Công nhận hộ có mức sống trung bình'],
  'Nuôi con nuôi': ['Đăng ký nuôi con nuôi trong nước', 'Đăng ký lại việc nuôi con nuôi'],
  'Hòa giải ở cơ sở': ['Công nhận hòa giải viên', 'Thôi làm hòa giải viên', 'Thanh toán thù lao cho hòa giải viên'],
};
const QUALIFIERS = ['', 'có yếu tố nước ngoài', 'lưu động', 'cho người đã có hồ sơ, giấy tờ cá nhân', 'tại khu vực biên giới', 'trường hợp ủy quyền', 'đối với hộ gia đình, cá nhân', 'cho trẻ em dưới 6 tuổi', 'đối với người cao tuổi', 'theo hình thức trực tuyến'];
const TIMES = ['Trong ngày', '1 ngày làm việc', '3 ngày làm việc', '5 ngày làm việc', '7 ngày làm việc', '15 ngày', '20 ngày làm việc'];
const FEES = ['Miễn phí', 'Lệ phí: 8.000 đồng/bản', 'Phí: 2.000 đồng/trang', 'Lệ phí: 50.000 đồng/giấy phép', 'Theo quy định của HĐND cấp tỉnh'];

/** A small deterministic PRNG, so every run benchmarks the same catalogue. */
function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

export function generateCatalogue(count = 2000, seed = 42) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const fields = Object.keys(FIELDS);
  const procedures = [];
  for (let i = 0; i < count; i++) {
    const field = fields[i % fields.length];
    const base = pick(FIELDS[field]);
    const qualifier = pick(QUALIFIERS);
    const online = rand() < 0.6;
    const channels = [{ kind: 'direct', timeLimit: pick(TIMES), fee: pick(FEES) }];
    if (online) channels.push({ kind: 'online', timeLimit: channels[0].timeLimit, fee: channels[0].fee });
    if (rand() < 0.4) channels.push({ kind: 'post', timeLimit: channels[0].timeLimit, fee: channels[0].fee });
    procedures.push({
      code: `9.${String(100000 + i).padStart(6, '0')}`,
      name: `${base}${qualifier ? ` ${qualifier}` : ''} (mẫu ${i + 1})`,
      level: rand() < 0.8 ? 'Cấp xã' : 'Cấp tỉnh, Cấp xã',
      field,
      applicants: ['Công dân Việt Nam'],
      agency: 'Ủy ban nhân dân cấp xã',
      steps: ['Bước 1: Nộp hồ sơ tại Bộ phận Một cửa.', 'Bước 2: Công chức kiểm tra, tiếp nhận hồ sơ.', 'Bước 3: Nhận kết quả theo giấy hẹn.'],
      channels,
      documents: [
        { name: `Tờ khai ${base.toLowerCase()}`, copies: '1 bản chính' },
        { name: 'Giấy tờ tùy thân', copies: '1 bản sao' },
      ],
      legalBasis: [{ number: '60/2014/QH13', title: 'Luật Hộ tịch' }],
      result: `Kết quả ${base.toLowerCase()}`,
      ...(online ? { onlineLevel: rand() < 0.5 ? 'full' : 'partial', onlineUrl: 'https://dichvucong.gov.vn/' } : {}),
      updatedAt: '2026-11-01',
    });
  }
  return { unit: 'bench', updatedAt: '2026-11-01', procedures };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 2000);
  const out = process.argv[3] ?? 'procedures-synthetic.json';
  writeFileSync(out, JSON.stringify(generateCatalogue(count)));
  console.log(`${count} synthetic procedures written to ${out}`);
}
