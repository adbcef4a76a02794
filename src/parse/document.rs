//! The analysis document: the text every later stage reads, with a map back to the source.
//!
//! For plain text the analysis text has the same bytes as the source, except that
//! anti-scraping noise is blanked out with spaces (so offsets stay the same). For HTML it is
//! the rendered text: blocks on their own lines, table cells separated by tabs and table rows
//! by newlines (what a browser puts on the clipboard), hidden elements left out; a segment
//! table maps every piece back to the source bytes and, for table cells, to the grid.

use crate::model::{GridPos, InputKind};
use crate::source::Span;

#[derive(Clone, Debug)]
pub struct Segment {
    /// Range in the analysis text.
    pub text: Span,
    /// Nearest range in the source.
    pub source: Span,
    /// For HTML table cells.
    pub grid: Option<GridPos>,
    /// The analysis text of this piece equals its source bytes, so offsets map one to one.
    pub exact: bool,
}

#[derive(Clone, Debug)]
pub struct Document {
    pub source: String,
    pub kind: InputKind,
    pub text: String,
    /// Empty for plain text (identity map); sorted by `text.start` for HTML.
    pub segments: Vec<Segment>,
    /// The HTML `<title>`, when there is one.
    pub html_title: Option<String>,
}

impl Document {
    /// Map a span of the analysis text to the source.
    pub fn source_span(&self, span: Span) -> Span {
        if self.segments.is_empty() {
            return span;
        }
        let start = self
            .segment_at(span.start)
            .map(|s| self.project(s, span.start));
        let end = self
            .segment_at(span.end.saturating_sub(1).max(span.start))
            .map(|s| self.project(s, span.end));
        match (start, end) {
            (Some(a), Some(b)) => Span::new(a, b.max(a)),
            (Some(a), None) => Span::new(a, a),
            _ => Span::new(0, 0),
        }
    }

    /// The grid position of the table cell that holds this analysis-text offset.
    pub fn grid_at(&self, offset: usize) -> Option<GridPos> {
        self.segment_at(offset).and_then(|s| s.grid)
    }

    /// [`grid_at`](Self::grid_at) for offsets asked in increasing order: one pass over the
    /// segments rather than a search per offset (an offset asked out of order is searched).
    pub fn grid_walker(&self) -> impl FnMut(usize) -> Option<GridPos> + '_ {
        let mut i = 0;
        move |offset| {
            let first = self.segments.get(i)?;
            if first.text.start > offset && i > 0 {
                return self.grid_at(offset);
            }
            while self
                .segments
                .get(i + 1)
                .is_some_and(|s| s.text.start <= offset)
            {
                i += 1;
            }
            self.segments[i].grid
        }
    }

    fn segment_at(&self, offset: usize) -> Option<&Segment> {
        if self.segments.is_empty() {
            return None;
        }
        // The last segment starting at or before the offset: on ties the text itself, which
        // sorts after the cell around it.
        let i = self
            .segments
            .partition_point(|s| s.text.start <= offset)
            .saturating_sub(1);
        self.segments.get(i)
    }

    fn project(&self, seg: &Segment, offset: usize) -> usize {
        // Text segments map byte for byte when they are the same text; otherwise to an end.
        if seg.exact {
            let d = offset.saturating_sub(seg.text.start).min(seg.source.len());
            seg.source.start + d
        } else if offset >= seg.text.end {
            seg.source.end
        } else {
            seg.source.start
        }
    }
}

/// Traditional forms of the characters the templates, section headings and report wording
/// use, with their simplified forms, sorted by the traditional character: reports published
/// in traditional characters (`收到和處理`, `總計`) are read like any other. (Generated from
/// OpenCC's s2t/s2tw/s2hk tables for the vocabulary's characters; each traditional form here
/// is not itself a simplified character, so folding it changes no simplified text.)
const TRADITIONAL: &[(char, char)] = &[
    ('丟', '丢'),
    ('並', '并'),
    ('亂', '乱'),
    ('佔', '占'),
    ('來', '来'),
    ('個', '个'),
    ('們', '们'),
    ('備', '备'),
    ('傳', '传'),
    ('僅', '仅'),
    ('價', '价'),
    ('億', '亿'),
    ('內', '内'),
    ('兩', '两'),
    ('冊', '册'),
    ('別', '别'),
    ('刪', '删'),
    ('則', '则'),
    ('創', '创'),
    ('劃', '划'),
    ('動', '动'),
    ('務', '务'),
    ('勝', '胜'),
    ('勢', '势'),
    ('匯', '汇'),
    ('區', '区'),
    ('卻', '却'),
    ('參', '参'),
    ('員', '员'),
    ('問', '问'),
    ('單', '单'),
    ('嚴', '严'),
    ('國', '国'),
    ('圍', '围'),
    ('園', '园'),
    ('圖', '图'),
    ('團', '团'),
    ('執', '执'),
    ('堅', '坚'),
    ('報', '报'),
    ('壞', '坏'),
    ('夠', '够'),
    ('學', '学'),
    ('實', '实'),
    ('審', '审'),
    ('寫', '写'),
    ('將', '将'),
    ('專', '专'),
    ('對', '对'),
    ('導', '导'),
    ('屆', '届'),
    ('層', '层'),
    ('屬', '属'),
    ('帶', '带'),
    ('幹', '干'),
    ('幾', '几'),
    ('廢', '废'),
    ('廣', '广'),
    ('廳', '厅'),
    ('張', '张'),
    ('強', '强'),
    ('後', '后'),
    ('徑', '径'),
    ('從', '从'),
    ('復', '复'),
    ('徵', '征'),
    ('態', '态'),
    ('慣', '惯'),
    ('應', '应'),
    ('掃', '扫'),
    ('採', '采'),
    ('擇', '择'),
    ('據', '据'),
    ('擬', '拟'),
    ('敗', '败'),
    ('敘', '叙'),
    ('數', '数'),
    ('斷', '断'),
    ('於', '于'),
    ('時', '时'),
    ('晉', '晋'),
    ('書', '书'),
    ('會', '会'),
    ('東', '东'),
    ('條', '条'),
    ('業', '业'),
    ('構', '构'),
    ('標', '标'),
    ('樣', '样'),
    ('機', '机'),
    ('檢', '检'),
    ('欄', '栏'),
    ('權', '权'),
    ('歷', '历'),
    ('歸', '归'),
    ('決', '决'),
    ('沒', '没'),
    ('況', '况'),
    ('減', '减'),
    ('測', '测'),
    ('準', '准'),
    ('滿', '满'),
    ('漢', '汉'),
    ('濟', '济'),
    ('瀏', '浏'),
    ('灣', '湾'),
    ('為', '为'),
    ('無', '无'),
    ('熱', '热'),
    ('爭', '争'),
    ('爲', '为'),
    ('獨', '独'),
    ('獲', '获'),
    ('現', '现'),
    ('產', '产'),
    ('畢', '毕'),
    ('異', '异'),
    ('當', '当'),
    ('發', '发'),
    ('監', '监'),
    ('眾', '众'),
    ('確', '确'),
    ('碼', '码'),
    ('祕', '秘'),
    ('稅', '税'),
    ('種', '种'),
    ('稱', '称'),
    ('穩', '稳'),
    ('範', '范'),
    ('簡', '简'),
    ('糾', '纠'),
    ('約', '约'),
    ('納', '纳'),
    ('級', '级'),
    ('終', '终'),
    ('組', '组'),
    ('結', '结'),
    ('絕', '绝'),
    ('統', '统'),
    ('經', '经'),
    ('綜', '综'),
    ('維', '维'),
    ('網', '网'),
    ('線', '线'),
    ('編', '编'),
    ('縣', '县'),
    ('總', '总'),
    ('績', '绩'),
    ('織', '织'),
    ('繳', '缴'),
    ('繼', '继'),
    ('續', '续'),
    ('罰', '罚'),
    ('羣', '群'),
    ('義', '义'),
    ('聞', '闻'),
    ('聯', '联'),
    ('聽', '听'),
    ('腳', '脚'),
    ('臺', '台'),
    ('與', '与'),
    ('舉', '举'),
    ('舊', '旧'),
    ('華', '华'),
    ('萬', '万'),
    ('蓋', '盖'),
    ('蘇', '苏'),
    ('處', '处'),
    ('號', '号'),
    ('衆', '众'),
    ('術', '术'),
    ('衝', '冲'),
    ('裏', '里'),
    ('補', '补'),
    ('裡', '里'),
    ('製', '制'),
    ('複', '复'),
    ('覈', '核'),
    ('見', '见'),
    ('規', '规'),
    ('覽', '览'),
    ('觀', '观'),
    ('訂', '订'),
    ('計', '计'),
    ('訓', '训'),
    ('記', '记'),
    ('訟', '讼'),
    ('訪', '访'),
    ('設', '设'),
    ('許', '许'),
    ('訴', '诉'),
    ('評', '评'),
    ('詞', '词'),
    ('詢', '询'),
    ('試', '试'),
    ('該', '该'),
    ('認', '认'),
    ('語', '语'),
    ('誤', '误'),
    ('說', '说'),
    ('説', '说'),
    ('談', '谈'),
    ('請', '请'),
    ('論', '论'),
    ('諮', '咨'),
    ('證', '证'),
    ('識', '识'),
    ('議', '议'),
    ('護', '护'),
    ('讀', '读'),
    ('變', '变'),
    ('讓', '让'),
    ('豐', '丰'),
    ('負', '负'),
    ('責', '责'),
    ('費', '费'),
    ('資', '资'),
    ('購', '购'),
    ('較', '较'),
    ('載', '载'),
    ('轄', '辖'),
    ('轉', '转'),
    ('辦', '办'),
    ('辭', '辞'),
    ('這', '这'),
    ('連', '连'),
    ('進', '进'),
    ('過', '过'),
    ('達', '达'),
    ('違', '违'),
    ('遷', '迁'),
    ('選', '选'),
    ('遺', '遗'),
    ('還', '还'),
    ('邊', '边'),
    ('鄉', '乡'),
    ('鄰', '邻'),
    ('針', '针'),
    ('銜', '衔'),
    ('銷', '销'),
    ('錄', '录'),
    ('錯', '错'),
    ('鍵', '键'),
    ('鎮', '镇'),
    ('鏈', '链'),
    ('長', '长'),
    ('門', '门'),
    ('閉', '闭'),
    ('開', '开'),
    ('間', '间'),
    ('閱', '阅'),
    ('閲', '阅'),
    ('閾', '阈'),
    ('關', '关'),
    ('隊', '队'),
    ('際', '际'),
    ('電', '电'),
    ('頁', '页'),
    ('頂', '顶'),
    ('項', '项'),
    ('順', '顺'),
    ('須', '须'),
    ('預', '预'),
    ('頭', '头'),
    ('題', '题'),
    ('額', '额'),
    ('類', '类'),
    ('顯', '显'),
    ('餘', '余'),
    ('驗', '验'),
    ('體', '体'),
    ('麼', '么'),
    ('點', '点'),
    ('黨', '党'),
];

/// The simplified form of a traditional character of the report vocabulary.
pub fn simplified(c: char) -> Option<char> {
    TRADITIONAL
        .binary_search_by(|(t, _)| t.cmp(&c))
        .ok()
        .map(|i| TRADITIONAL[i].1)
}

/// Fold a character for matching: full-width ASCII to ASCII, all quotes to `"`, brackets to
/// ASCII, `．`/`。` kept apart, traditional characters of the report vocabulary to simplified.
/// Whitespace (including U+00A0 and U+3000) maps to `None`.
pub fn fold(c: char) -> Option<char> {
    if c as u32 >= 0x4E00 {
        if let Some(s) = simplified(c) {
            return Some(s);
        }
    }
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200B}' | '\u{FEFF}' => None,
        c if c.is_whitespace() => None,
        '“' | '”' | '‘' | '’' | '「' | '」' | '\'' | '〝' | '〞' => Some('"'),
        '〔' | '【' => Some('['),
        '〕' | '】' => Some(']'),
        '﹙' => Some('('),
        '﹚' => Some(')'),
        _ => Some(c),
    }
}

/// A whitespace-free, folded view of a piece of text, with each byte mapped back.
#[derive(Clone, Debug)]
pub struct Compact {
    pub text: String,
    /// For every byte of `text`, the byte offset in the original of the char it came from.
    map: Vec<u32>,
    /// For every byte of `text`, the byte offset just after that char in the original.
    end_map: Vec<u32>,
    base_end: usize,
}

impl Compact {
    /// Build over `text[span]`; offsets map into `text` (not the span).
    pub fn new(text: &str, span: Span) -> Self {
        let slice = &text[span.start..span.end];
        let mut out = String::with_capacity(slice.len());
        let mut map = Vec::with_capacity(slice.len());
        let mut end_map = Vec::with_capacity(slice.len());
        for (i, c) in slice.char_indices() {
            if let Some(f) = fold(c) {
                let at = (span.start + i) as u32;
                let after = (span.start + i + c.len_utf8()) as u32;
                out.push(f);
                for _ in 0..f.len_utf8() {
                    map.push(at);
                    end_map.push(after);
                }
            }
        }
        Compact {
            text: out,
            map,
            end_map,
            base_end: span.end,
        }
    }

    /// Original offset of a compact byte offset (the end maps to the end of the span).
    pub fn orig(&self, i: usize) -> usize {
        self.map
            .get(i)
            .map(|&o| o as usize)
            .unwrap_or(self.base_end)
    }

    /// Original offset just after the char at compact offset `i - 1`.
    pub fn orig_end(&self, i: usize) -> usize {
        if i == 0 {
            return self.orig(0);
        }
        self.end_map
            .get(i - 1)
            .map(|&o| o as usize)
            .unwrap_or(self.base_end)
    }

    /// Compact offset of the first char at or after an original offset.
    pub fn at_orig(&self, orig: usize) -> usize {
        self.map.partition_point(|&o| (o as usize) < orig)
    }

    /// Every occurrence of `needle` (already folded), as compact byte offsets.
    pub fn find_all(&self, needle: &str, limit: usize) -> Vec<usize> {
        self.text
            .match_indices(needle)
            .map(|(i, _)| i)
            .take(limit)
            .collect()
    }
}

/// Fold a label or keyword the way `Compact` folds text.
pub fn fold_str(s: &str) -> String {
    s.chars().filter_map(fold).collect()
}

/// Is this a CJK ideograph (or CJK punctuation that belongs to labels)?
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_table_is_sorted_and_folds() {
        assert!(
            TRADITIONAL.windows(2).all(|w| w[0].0 < w[1].0),
            "sorted for binary search"
        );
        assert!(
            TRADITIONAL
                .iter()
                .all(|(t, s)| simplified(*s).is_none() && t != s),
            "no simplified character is folded"
        );
        assert_eq!(
            fold_str("三、收到和處理政府信息公開申請情況"),
            "三、收到和处理政府信息公开申请情况"
        );
        assert_eq!(fold_str("（七）總計"), "(七)总计");
        assert_eq!(fold_str("行政復議"), "行政复议");
    }

    #[test]
    fn compact_maps_back() {
        let t = "ab 三、本年度办 理结果（一）予以公开";
        let c = Compact::new(t, Span::new(0, t.len()));
        assert_eq!(c.text, "ab三、本年度办理结果(一)予以公开");
        let i = c.text.find("予以公开").unwrap();
        assert_eq!(&t[c.orig(i)..], "予以公开");
        let j = i + "予以公开".len();
        assert_eq!(c.orig_end(j), t.len());
        assert_eq!(c.at_orig(t.find("理").unwrap()), c.text.find("理").unwrap());
    }
}
