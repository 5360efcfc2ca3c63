namespace Shop.Api.Seeding;

/// <summary>A kind of product: a name pattern ({b} brand, {v} variant), a price range in fen, a selling line and the brands that make it.</summary>
internal sealed record ProductTemplate(string Name, long MinPrice, long MaxPrice, string Pitch, string[] Brands);

internal sealed record CategorySeed(string Category, string[] Variants, ProductTemplate[] Templates);

/// <summary>The demo catalog's raw material: Chinese names with English brands and words mixed in.</summary>
internal static class DemoCatalogData
{
    public static readonly CategorySeed[] Categories =
    [
        new("phones", ["128GB 星空黑", "256GB 冰川白", "512GB 远峰蓝", "256GB 薄荷绿", "1TB 钛金属"],
            [
                new("{b} 5G 智能手机 Pro {v}", 199900, 899900, "旗舰影像系统，120Hz 高刷屏，全天续航", ["Apple", "Huawei", "Xiaomi", "OPPO", "vivo", "Honor"]),
                new("{b} 折叠屏手机 Fold {v}", 699900, 1399900, "大屏折叠，轻薄机身，多任务分屏", ["Huawei", "Samsung", "Honor", "vivo"]),
                new("{b} 智能手表 Watch {v}", 89900, 399900, "心率血氧监测，NFC 支付，14 天长续航", ["Apple", "Huawei", "Xiaomi", "Garmin"]),
                new("{b} 平板电脑 Pad {v}", 149900, 699900, "2.5K 护眼大屏，支持手写笔与键盘", ["Apple", "Huawei", "Xiaomi", "Lenovo"]),
                new("{b} 65W 快充充电器 GaN {v}", 9900, 29900, "氮化镓小体积，多协议快充", ["Anker", "Ugreen", "Baseus", "Xiaomi"]),
            ]),
        new("computers", ["i5 16GB", "i7 32GB", "R7 16GB", "M3 16GB", "Ultra 7 32GB"],
            [
                new("{b} 轻薄笔记本 Air 14 {v}", 399900, 1299900, "1.2kg 轻薄机身，2.8K OLED 屏幕", ["Lenovo", "Apple", "Huawei", "ASUS", "Dell"]),
                new("{b} 游戏本 Gaming 16 {v}", 699900, 1999900, "RTX 独显，240Hz 电竞屏", ["ASUS ROG", "Lenovo Legion", "Dell Alienware", "HP OMEN"]),
                new("{b} 27 英寸 4K 显示器 {v}", 129900, 499900, "IPS 面板，Type-C 一线连", ["Dell", "LG", "Samsung", "BenQ"]),
                new("{b} 无线机械键盘 Keys {v}", 29900, 129900, "三模连接，热插拔轴体", ["Logitech", "Keychron", "Cherry", "Razer"]),
                new("{b} 人体工学鼠标 Mouse {v}", 9900, 79900, "静音按键，多设备切换", ["Logitech", "Razer", "Microsoft", "Xiaomi"]),
            ]),
        new("audio", ["黑色", "银色", "午夜蓝", "奶油白", "限定版"],
            [
                new("{b} 降噪蓝牙耳机 ANC {v}", 49900, 299900, "主动降噪，Hi-Res 认证，30 小时续航", ["Sony", "Bose", "Sennheiser", "Huawei"]),
                new("{b} 真无线耳机 Buds {v}", 29900, 199900, "入耳检测，空间音频", ["Apple", "Samsung", "Sony", "Edifier"]),
                new("{b} 便携蓝牙音箱 Speaker {v}", 29900, 249900, "IP67 防水，重低音", ["JBL", "Marshall", "Bose", "Sony"]),
                new("{b} 头戴式监听耳机 Studio {v}", 59900, 399900, "专业调音，可折叠收纳", ["Sennheiser", "Audio-Technica", "Sony", "Beyerdynamic"]),
                new("{b} 家庭影院回音壁 Soundbar {v}", 99900, 699900, "杜比全景声，无线低音炮", ["Sonos", "Bose", "Samsung", "Sony"]),
            ]),
        new("appliances", ["标准版", "Pro 版", "Max 版", "白色", "灰色"],
            [
                new("{b} 变频空调 1.5 匹 {v}", 249900, 699900, "一级能效，静音运行，智能 App 控制", ["Gree", "Midea", "Haier", "Daikin"]),
                new("{b} 滚筒洗衣机 10kg {v}", 199900, 599900, "除菌洗，智能投放", ["Haier", "Midea", "Siemens", "Panasonic"]),
                new("{b} 无线吸尘器 V-Series {v}", 99900, 499900, "强劲吸力，激光探测灰尘", ["Dyson", "Dreame", "Xiaomi", "Philips"]),
                new("{b} 空气净化器 Air {v}", 99900, 399900, "HEPA 滤网，甲醛实时显示", ["Philips", "Xiaomi", "Sharp", "Blueair"]),
                new("{b} 扫地机器人 Robot {v}", 149900, 599900, "激光导航，自动集尘", ["Ecovacs", "Roborock", "Dreame", "Xiaomi"]),
            ]),
        new("kitchen", ["3L", "4L", "5L", "家用款", "礼盒装"],
            [
                new("{b} IH 电饭煲 {v}", 29900, 199900, "IH 电磁加热，柴火饭口感", ["Supor", "Midea", "Zojirushi", "Tiger"]),
                new("{b} 破壁料理机 Blender {v}", 39900, 199900, "高速破壁，一键清洗", ["Joyoung", "Midea", "Philips", "Vitamix"]),
                new("{b} 不粘炒锅 Wok {v}", 15900, 89900, "少油烟，电磁炉燃气灶通用", ["Supor", "Tefal", "Zwilling", "WMF"]),
                new("{b} 不锈钢刀具套装 Knife Set {v}", 29900, 159900, "德国工艺，锋利耐用", ["Zwilling", "WMF", "Shibazi", "Wüsthof"]),
                new("{b} 空气炸锅 Air Fryer {v}", 19900, 79900, "无油低脂，可视窗口", ["Philips", "Bear", "Midea", "Joyoung"]),
            ]),
        new("beauty", ["30ml", "50ml", "100ml", "礼盒装", "旅行装"],
            [
                new("{b} 精华液 Serum {v}", 29900, 159900, "修护肌底，提亮肤色", ["Estée Lauder", "Lancôme", "SK-II", "L'Oréal"]),
                new("{b} 保湿面霜 Cream {v}", 19900, 129900, "长效保湿，温和不刺激", ["Olay", "Shiseido", "Kiehl's", "Clinique"]),
                new("{b} 防晒乳 SPF50+ {v}", 9900, 39900, "清爽不油腻，防水防汗", ["Anessa", "La Roche-Posay", "Biore", "Shiseido"]),
                new("{b} 卸妆洁面乳 Cleanser {v}", 5900, 29900, "温和清洁，氨基酸配方", ["Innisfree", "Curel", "Freeplus", "Fancl"]),
                new("{b} 口红礼盒 Lipstick {v}", 19900, 99900, "显色持久，丝绒质地", ["MAC", "YSL", "Dior", "Armani"]),
            ]),
        new("fashion", ["S 码", "M 码", "L 码", "XL 码", "42 码"],
            [
                new("{b} 运动跑鞋 Runner {v}", 39900, 129900, "轻量缓震，透气网面", ["Nike", "Adidas", "Li-Ning", "Anta", "ASICS"]),
                new("{b} 纯棉 T 恤 Tee {v}", 7900, 29900, "100% 新疆棉，舒适亲肤", ["Uniqlo", "Muji", "Zara", "H&M"]),
                new("{b} 牛仔裤 Denim {v}", 19900, 79900, "修身直筒，弹力面料", ["Levi's", "Lee", "Uniqlo", "Zara"]),
                new("{b} 羽绒服 Down Jacket {v}", 59900, 249900, "90% 白鸭绒，防风保暖", ["Bosideng", "Uniqlo", "The North Face", "Canada Goose"]),
                new("{b} 双肩背包 Backpack {v}", 14900, 69900, "大容量，防泼水面料", ["Samsonite", "Herschel", "Xiaomi", "Nike"]),
            ]),
        new("sports", ["入门款", "进阶款", "专业款", "蓝色", "黑色"],
            [
                new("{b} 瑜伽垫 Yoga Mat {v}", 5900, 29900, "加厚防滑，环保 TPE 材质", ["Keep", "Decathlon", "Lululemon", "Liforme"]),
                new("{b} 羽毛球拍 Racket {v}", 19900, 129900, "全碳素，进攻型", ["Yonex", "Li-Ning", "Victor", "Kawasaki"]),
                new("{b} 户外登山鞋 Hiking {v}", 39900, 149900, "防水透气，抓地耐磨", ["The North Face", "Salomon", "Columbia", "Kailas"]),
                new("{b} 智能跑步手表 GPS {v}", 99900, 499900, "双频 GPS，训练负荷分析", ["Garmin", "Coros", "Suunto", "Polar"]),
                new("{b} 可调节哑铃 Dumbbell {v}", 29900, 159900, "快速调重，节省空间", ["Decathlon", "Keep", "Bowflex", "Reebok"]),
            ]),
        new("food", ["500g", "1kg", "12 瓶装", "家庭装", "礼盒装"],
            [
                new("{b} 每日坚果 Nuts {v}", 4900, 19900, "科学配比，独立小包装", ["Three Squirrels", "Bestore", "Wolong", "Haoxiangni"]),
                new("{b} 精品咖啡豆 Coffee Beans {v}", 5900, 29900, "中度烘焙，坚果可可风味", ["Lavazza", "Starbucks", "illy", "Seesaw"]),
                new("{b} 有机纯牛奶 Milk {v}", 5900, 15900, "有机牧场，A2 蛋白", ["Yili", "Mengniu", "Arla", "Devondale"]),
                new("{b} 进口饼干零食 Snack {v}", 1900, 9900, "酥脆香甜，下午茶好搭档", ["Oreo", "Lotte", "Glico", "LU"]),
                new("{b} 天然矿泉水 Water {v}", 2900, 9900, "水源地灌装，弱碱性", ["Nongfu Spring", "Evian", "C'estbon", "Ganten"]),
            ]),
        new("books", ["平装", "精装", "典藏版", "中英双语", "标准版"],
            [
                new("{b} 畅销小说 Novel {v}", 2900, 9900, "年度畅销，豆瓣高分", ["人民文学出版社", "Penguin", "上海译文", "CITIC Press"]),
                new("{b} 编程技术书 Programming {v}", 5900, 15900, "从入门到实战，配套源码", ["O'Reilly", "No Starch", "人民邮电出版社", "Manning"]),
                new("{b} 电子书阅读器 Reader {v}", 59900, 249900, "300ppi 墨水屏，护眼阅读", ["Kindle", "Kobo", "iReader", "BOOX"]),
                new("{b} 游戏主机 Console {v}", 199900, 449900, "4K 游戏，海量大作", ["Nintendo", "Sony PlayStation", "Xbox"]),
                new("{b} 儿童绘本 Picture Book {v}", 1900, 8900, "精美插画，亲子共读", ["接力出版社", "Usborne", "DK", "蒲公英童书馆"]),
            ]),
        new("baby", ["0-6 个月", "6-12 个月", "1-3 岁", "3-6 岁", "6 岁以上"],
            [
                new("{b} 拼搭积木 Building Set {v}", 9900, 159900, "益智拼搭，锻炼动手能力", ["LEGO", "Keeppley", "Mega Bloks", "Hape"]),
                new("{b} 纸尿裤 Diapers {v}", 9900, 29900, "超薄透气，12 小时干爽", ["Pampers", "Huggies", "Merries", "Babycare"]),
                new("{b} 婴儿奶粉 Formula {v}", 19900, 49900, "科学配方，易吸收", ["Aptamil", "Feihe", "a2", "Friso"]),
                new("{b} 早教玩具 Learning Toy {v}", 4900, 39900, "声光互动，启蒙认知", ["Fisher-Price", "Hape", "VTech", "Babycare"]),
                new("{b} 婴儿推车 Stroller {v}", 99900, 499900, "一键收车，高景观座椅", ["Babyzen", "Cybex", "gb", "Bugaboo"]),
            ]),
        new("home", ["单人", "双人", "1.8m", "北欧风", "简约白"],
            [
                new("{b} 四件套床品 Bedding {v}", 19900, 129900, "长绒棉，亲肤透气", ["Luolai", "Fuanna", "MUJI", "Dohia"]),
                new("{b} 记忆棉枕头 Pillow {v}", 9900, 49900, "慢回弹，护颈设计", ["Tempur", "Luolai", "MUJI", "Sleemon"]),
                new("{b} LED 护眼台灯 Lamp {v}", 9900, 59900, "无频闪，多档调光", ["Philips", "Xiaomi", "BenQ", "Opple"]),
                new("{b} 收纳箱 Storage Box {v}", 3900, 19900, "可叠加，大容量", ["IKEA", "MUJI", "Lock&Lock", "Tenma"]),
                new("{b} 香薰加湿器 Diffuser {v}", 7900, 39900, "静音雾化，七彩夜灯", ["MUJI", "Xiaomi", "Deerma", "Stadler Form"]),
            ]),
    ];
}
