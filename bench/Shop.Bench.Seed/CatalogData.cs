namespace Shop.Bench.Seed;

/// <summary>A kind of product: a name pattern ({b} brand, {v} variant), a price range in fen, a selling line and its brands.</summary>
internal sealed record Template(string Name, long MinPrice, long MaxPrice, string Pitch, string[] Brands);

internal sealed record CategoryData(string Id, string[] Variants, Template[] Templates);

/// <summary>
/// The raw material of the generated catalog, in the style of the shop's demo catalog: Chinese
/// names with English brands and words mixed in, over the shop's 12 categories. A model code per
/// product (see <see cref="ProductGenerator"/>) keeps 100,000 names distinct.
/// </summary>
internal static class CatalogData
{
    public static readonly CategoryData[] Categories =
    [
        new("phones", ["128GB 星空黑", "256GB 冰川白", "512GB 远峰蓝", "256GB 薄荷绿", "1TB 钛金属", "8+256GB 曜石黑"],
        [
            new("{b} 5G 智能手机 Pro {v}", 199900, 899900, "旗舰影像系统，120Hz 高刷屏，全天续航", ["Apple", "Huawei", "Xiaomi", "OPPO", "vivo", "Honor", "OnePlus"]),
            new("{b} 折叠屏手机 Fold {v}", 699900, 1399900, "大屏折叠，轻薄机身，多任务分屏", ["Huawei", "Samsung", "Honor", "vivo", "OPPO"]),
            new("{b} 智能手表 Watch {v}", 89900, 399900, "心率血氧监测，NFC 支付，14 天长续航", ["Apple", "Huawei", "Xiaomi", "Garmin", "Amazfit"]),
            new("{b} 平板电脑 Pad {v}", 149900, 699900, "2.5K 护眼大屏，支持手写笔与键盘", ["Apple", "Huawei", "Xiaomi", "Lenovo", "Samsung"]),
            new("{b} 65W 快充充电器 GaN {v}", 9900, 29900, "氮化镓小体积，多协议快充", ["Anker", "Ugreen", "Baseus", "Xiaomi"]),
            new("{b} 磁吸充电宝 MagPower {v}", 12900, 39900, "10000mAh，无线磁吸快充", ["Anker", "Xiaomi", "Baseus", "Belkin"]),
            new("{b} 手机壳 防摔保护套 {v}", 2900, 12900, "军工级防摔，亲肤磨砂手感", ["Spigen", "Pitaka", "Benks", "Nillkin"]),
        ]),
        new("computers", ["i5 16GB", "i7 32GB", "R7 16GB", "M3 16GB", "Ultra 7 32GB", "R9 64GB"],
        [
            new("{b} 轻薄笔记本 Air 14 {v}", 399900, 1299900, "1.2kg 轻薄机身，2.8K OLED 屏幕", ["Lenovo", "Apple", "Huawei", "ASUS", "Dell", "HP"]),
            new("{b} 游戏本 Gaming 16 {v}", 699900, 1999900, "RTX 独显，240Hz 电竞屏", ["ASUS ROG", "Lenovo Legion", "Dell Alienware", "HP OMEN", "MSI"]),
            new("{b} 27 英寸 4K 显示器 {v}", 129900, 499900, "IPS 面板，Type-C 一线连", ["Dell", "LG", "Samsung", "BenQ", "AOC"]),
            new("{b} 无线机械键盘 Keys {v}", 29900, 129900, "三模连接，热插拔轴体", ["Logitech", "Keychron", "Cherry", "Razer", "Varmilo"]),
            new("{b} 人体工学鼠标 Mouse {v}", 9900, 79900, "静音按键，多设备切换", ["Logitech", "Razer", "Microsoft", "Xiaomi"]),
            new("{b} 固态硬盘 SSD NVMe {v}", 39900, 219900, "PCIe 4.0，读速 7000MB/s", ["Samsung", "WD", "Kingston", "Crucial", "Lexar"]),
            new("{b} 激光打印机 Printer {v}", 89900, 399900, "自动双面打印，手机无线直连", ["HP", "Brother", "Canon", "Epson"]),
        ]),
        new("audio", ["黑色", "银色", "午夜蓝", "奶油白", "限定版", "樱花粉"],
        [
            new("{b} 降噪蓝牙耳机 ANC {v}", 49900, 299900, "主动降噪，Hi-Res 认证，30 小时续航", ["Sony", "Bose", "Sennheiser", "Huawei", "Apple"]),
            new("{b} 真无线耳机 Buds {v}", 29900, 199900, "入耳检测，空间音频", ["Apple", "Samsung", "Sony", "Edifier", "Huawei", "Xiaomi"]),
            new("{b} 便携蓝牙音箱 Speaker {v}", 29900, 249900, "IP67 防水，重低音", ["JBL", "Marshall", "Bose", "Sony", "Harman Kardon"]),
            new("{b} 头戴式监听耳机 Studio {v}", 59900, 399900, "专业调音，可折叠收纳", ["Sennheiser", "Audio-Technica", "Sony", "Beyerdynamic"]),
            new("{b} 家庭影院回音壁 Soundbar {v}", 99900, 699900, "杜比全景声，无线低音炮", ["Sonos", "Bose", "Samsung", "Sony"]),
            new("{b} 运动耳机 骨传导 Open {v}", 39900, 149900, "开放式佩戴，IP68 防水", ["Shokz", "Huawei", "Sony", "Anker"]),
        ]),
        new("appliances", ["标准版", "Pro 版", "Max 版", "白色", "灰色", "尊享版"],
        [
            new("{b} 变频空调 1.5 匹 {v}", 249900, 699900, "一级能效，静音运行，智能 App 控制", ["Gree", "Midea", "Haier", "Daikin", "AUX"]),
            new("{b} 滚筒洗衣机 10kg {v}", 199900, 599900, "除菌洗，智能投放", ["Haier", "Midea", "Siemens", "Panasonic", "LG"]),
            new("{b} 扫地机器人 Robot {v}", 149900, 549900, "激光导航，自动集尘，拖扫一体", ["Roborock", "Ecovacs", "Dreame", "iRobot", "Xiaomi"]),
            new("{b} 空气净化器 Air {v}", 79900, 399900, "除甲醛，HEPA 滤网，静音睡眠模式", ["Philips", "Xiaomi", "Blueair", "Sharp"]),
            new("{b} 吹风机 高速负离子 {v}", 29900, 329900, "11 万转高速马达，智能温控护发", ["Dyson", "Panasonic", "Philips", "Xiaomi"]),
            new("{b} 对开门冰箱 500L {v}", 299900, 999900, "风冷无霜，一级能效，净味保鲜", ["Haier", "Midea", "Siemens", "Samsung"]),
        ]),
        new("kitchen", ["500ml", "1.5L", "4L", "不锈钢", "陶瓷白", "家用款"],
        [
            new("{b} 保温杯 316 不锈钢 {v}", 4900, 29900, "12 小时保温保冷，一键开盖", ["Thermos", "Zojirushi", "Tiger", "Supor", "Lock&Lock"]),
            new("{b} 全自动咖啡机 Coffee {v}", 99900, 899900, "一键现磨，意式浓缩与奶泡", ["De'Longhi", "Philips", "Nespresso", "Breville"]),
            new("{b} 空气炸锅 Air Fryer {v}", 19900, 79900, "无油低脂，可视窗口", ["Midea", "Philips", "Joyoung", "Bear"]),
            new("{b} 电饭煲 IH 智能 {v}", 29900, 199900, "IH 电磁加热，柴火饭口感", ["Midea", "Supor", "Zojirushi", "Panasonic"]),
            new("{b} 不粘炒锅 Wok {v}", 9900, 59900, "少油烟，燃气电磁炉通用", ["Supor", "Zwilling", "WMF", "Tefal"]),
            new("{b} 破壁料理机 Blender {v}", 29900, 159900, "高速破壁，预约加热，豆浆果汁", ["Joyoung", "Midea", "Vitamix", "Philips"]),
            new("{b} 保温饭盒 便当盒 {v}", 3900, 19900, "多层分隔，微波炉可用", ["Thermos", "Lock&Lock", "Tiger", "Supor"]),
        ]),
        new("beauty", ["30ml", "50ml", "100ml", "礼盒装", "旅行装", "经典款"],
        [
            new("{b} 修护精华液 Serum {v}", 29900, 159900, "淡纹紧致，修护肌肤屏障", ["Estée Lauder", "Lancôme", "SK-II", "Olay", "Shiseido"]),
            new("{b} 保湿面霜 Cream {v}", 19900, 299900, "72 小时长效保湿，敏感肌适用", ["La Mer", "Clinique", "Kiehl's", "Shiseido", "Olay"]),
            new("{b} 口红 丝绒哑光 {v}", 19900, 49900, "高显色，不拔干", ["MAC", "YSL", "Dior", "Armani", "Perfect Diary"]),
            new("{b} 防晒霜 SPF50+ {v}", 9900, 39900, "清爽不油腻，防水防汗", ["Anessa", "La Roche-Posay", "Biore", "Shiseido"]),
            new("{b} 电动牙刷 Sonic {v}", 19900, 149900, "声波震动，智能计时", ["Philips", "Oral-B", "Xiaomi", "Usmile"]),
            new("{b} 氨基酸洗面奶 Cleanser {v}", 5900, 25900, "温和清洁，洗后不紧绷", ["Freeplus", "Curel", "Cerave", "Shiseido"]),
        ]),
        new("fashion", ["S", "M", "L", "XL", "黑色", "卡其色"],
        [
            new("{b} 轻量羽绒服 Down {v}", 49900, 299900, "90% 白鸭绒，轻薄保暖", ["Uniqlo", "Bosideng", "The North Face", "Canada Goose"]),
            new("{b} 纯棉圆领 T 恤 {v}", 4900, 29900, "精梳棉，透气亲肤", ["Uniqlo", "Muji", "Nike", "Adidas", "Zara"]),
            new("{b} 跑步鞋 Running {v}", 39900, 149900, "缓震回弹，轻量透气", ["Nike", "Adidas", "Li-Ning", "Anta", "ASICS", "Hoka"]),
            new("{b} 双肩背包 Backpack {v}", 19900, 99900, "15.6 英寸电脑仓，防泼水", ["Samsonite", "Herschel", "Xiaomi", "The North Face"]),
            new("{b} 修身牛仔裤 Jeans {v}", 19900, 89900, "弹力面料，经典直筒", ["Levi's", "Lee", "Uniqlo", "Zara"]),
            new("{b} 真皮钱包 Wallet {v}", 19900, 199900, "头层牛皮，多卡位", ["Coach", "Montblanc", "Goldlion", "Tory Burch"]),
        ]),
        new("sports", ["入门款", "进阶款", "专业款", "蓝色", "红色", "碳纤维"],
        [
            new("{b} 瑜伽垫 TPE 加厚 {v}", 9900, 39900, "防滑回弹，附绑带", ["Keep", "Lululemon", "Decathlon", "Liforme"]),
            new("{b} 可调节哑铃 Dumbbell {v}", 39900, 199900, "一秒调重，节省空间", ["Bowflex", "Keep", "Decathlon", "Nautilus"]),
            new("{b} 公路自行车 Road Bike {v}", 299900, 1999900, "铝合金车架，22 速变速", ["Giant", "Trek", "Specialized", "Merida"]),
            new("{b} 户外帐篷 Camping {v}", 39900, 299900, "防风防雨，3-4 人速开", ["Naturehike", "Coleman", "MSR", "Decathlon"]),
            new("{b} 羽毛球拍 Racket {v}", 19900, 149900, "全碳素，攻守兼备", ["Yonex", "Li-Ning", "Victor", "Kawasaki"]),
            new("{b} 登山徒步鞋 Hiking {v}", 49900, 199900, "防水透气，防滑大底", ["Salomon", "Merrell", "Columbia", "Kailas"]),
        ]),
        new("food", ["250g", "500g", "1kg", "礼盒", "家庭装", "组合装"],
        [
            new("{b} 挂耳咖啡 精品豆 Coffee {v}", 4900, 19900, "中度烘焙，花果香气", ["Starbucks", "Nescafé", "Lavazza", "Manner", "Saturnbird"]),
            new("{b} 每日坚果 Nuts {v}", 5900, 19900, "六种坚果果干，独立小包", ["Three Squirrels", "Bestore", "BeeZen", "Wonderful"]),
            new("{b} 新西兰牛奶 Milk {v}", 6900, 16900, "全脂纯牛奶，早餐伴侣", ["Anchor", "Arla", "Oarmilk", "Yili", "Mengniu"]),
            new("{b} 龙井绿茶 明前 {v}", 9900, 99900, "西湖产区，手工炒制", ["Xihu", "Lu Zheng Tang", "Tea Plus", "Wuyutai"]),
            new("{b} 黑巧克力 70% {v}", 2900, 12900, "比利时工艺，低糖", ["Lindt", "Godiva", "Ferrero", "Dove"]),
            new("{b} 冷冻牛排 原切 {v}", 9900, 49900, "澳洲谷饲，整切", ["Hitomorrow", "Goodfarmer", "Tender Plus"]),
        ]),
        new("books", ["平装", "精装", "典藏版", "套装", "中英双语", "新版"],
        [
            new("{b} 三体 全集 {v}", 4900, 19900, "刘慈欣科幻巨著，雨果奖作品", ["Chongqing Press", "Penguin", "Tor Books"]),
            new("{b} 深入理解计算机系统 CSAPP {v}", 9900, 19900, "程序员必读经典", ["China Machine Press", "Pearson"]),
            new("{b} Kindle 电子书阅读器 {v}", 59900, 199900, "300ppi 墨水屏，护眼阅读", ["Amazon", "iReader", "Hanvon", "Boox"]),
            new("{b} 乐高 积木 创意套装 LEGO {v}", 19900, 199900, "激发创造力，收藏佳品", ["LEGO"]),
            new("{b} 英语词汇 Vocabulary {v}", 2900, 9900, "词根词缀，高效记忆", ["Oxford", "Cambridge", "New Oriental"]),
            new("{b} 钢琴入门教程 Piano {v}", 2900, 12900, "零基础自学，附示范音频", ["People's Music", "Hal Leonard", "Alfred"]),
        ]),
        new("baby", ["S 码", "M 码", "L 码", "XL 码", "0-6 月", "1-3 岁"],
        [
            new("{b} 纸尿裤 超薄透气 {v}", 9900, 29900, "瞬吸干爽，柔软亲肤", ["Pampers", "Huggies", "Merries", "MamyPoko"]),
            new("{b} 婴儿奶粉 1 段 {v}", 19900, 49900, "原装进口，营养配方", ["Aptamil", "a2", "Wyeth", "Feihe"]),
            new("{b} 婴儿推车 轻便折叠 {v}", 99900, 599900, "一键收车，可坐可躺", ["Babyzen", "Cybex", "Goodbaby", "Bugaboo"]),
            new("{b} 儿童安全座椅 {v}", 99900, 399900, "ISOFIX 接口，360 度旋转", ["Britax", "Cybex", "Maxi-Cosi", "Goodbaby"]),
            new("{b} 益智玩具 积木 {v}", 4900, 39900, "大颗粒安全材质，开发智力", ["LEGO Duplo", "Fisher-Price", "Hape", "Melissa & Doug"]),
            new("{b} 婴儿保温奶瓶 PPSU {v}", 6900, 19900, "防胀气，耐摔耐高温", ["Pigeon", "Comotomo", "Hegen", "Dr. Brown's"]),
        ]),
        new("home", ["1.5m", "1.8m", "单人", "双人", "灰色", "米白"],
        [
            new("{b} 乳胶枕 Pillow {v}", 9900, 59900, "泰国天然乳胶，护颈助眠", ["Paratex", "Muji", "Tempur", "Sleemon"]),
            new("{b} 四件套 纯棉 {v}", 19900, 99900, "60 支长绒棉，亲肤柔软", ["Luolai", "Fuanna", "Mercury", "Muji"]),
            new("{b} 记忆棉床垫 Mattress {v}", 199900, 999900, "独立袋装弹簧，静音护脊", ["Sleemon", "Serta", "Simmons", "Mlily"]),
            new("{b} 香薰蜡烛 Candle {v}", 4900, 29900, "天然大豆蜡，持久留香", ["Diptyque", "Jo Malone", "Yankee Candle", "Muji"]),
            new("{b} 收纳箱 Storage {v}", 2900, 14900, "加厚 PP 材质，可叠放", ["Ikea", "Muji", "Tenma", "Ikea Samla"]),
            new("{b} 护眼台灯 LED Lamp {v}", 14900, 79900, "无频闪，自动调光", ["BenQ", "Xiaomi", "Philips", "Opple"]),
        ]),
    ];

    /// <summary>Cities for shipping addresses (Chinese name, province).</summary>
    public static readonly (string City, string Province)[] Cities =
    [
        ("上海", "上海"), ("北京", "北京"), ("广州", "广东"), ("深圳", "广东"), ("杭州", "浙江"), ("成都", "四川"),
        ("武汉", "湖北"), ("南京", "江苏"), ("西安", "陕西"), ("重庆", "重庆"), ("苏州", "江苏"), ("长沙", "湖南"),
    ];

    public static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"];

    public static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "霞", "Lily", "Jack", "Emma", "Leo"];

    public static readonly string[] Carriers = ["SF Express", "JD Logistics", "ZTO", "YTO", "EMS"];
}
