l = [
    {
        "epoch": 0,
        "elapsed_time": 17.375588382001297,
        "loss_gen": 1.4890296459197998,
        "iteration": 100,
        "loss_dis": 0.8867555856704712
    },
    {
        "epoch": 0,
        "elapsed_time": 32.6378371360006,
        "loss_gen": 1.5662171840667725,
        "iteration": 200,
        "loss_dis": 0.9549879431724548
    },
    {
        "epoch": 0,
        "elapsed_time": 48.004973752002115,
        "loss_gen": 1.0039916038513184,
        "iteration": 300,
        "loss_dis": 1.251265048980713
    },
    {
        "epoch": 0,
        "elapsed_time": 63.45327783399989,
        "loss_gen": 0.9625487327575684,
        "iteration": 400,
        "loss_dis": 1.2827062606811523
    },
    {
        "epoch": 0,
        "elapsed_time": 78.97097789700274,
        "loss_gen": 1.0482980012893677,
        "iteration": 500,
        "loss_dis": 1.2357431650161743
    },
    {
        "epoch": 0,
        "elapsed_time": 94.55173265900157,
        "loss_gen": 0.9742307066917419,
        "iteration": 600,
        "loss_dis": 1.2730259895324707
    },
    {
        "epoch": 0,
        "elapsed_time": 110.15865156600194,
        "loss_gen": 1.0281490087509155,
        "iteration": 700,
        "loss_dis": 1.2493622303009033
    },
    {
        "epoch": 1,
        "elapsed_time": 125.9217302620018,
        "loss_gen": 1.0748425722122192,
        "iteration": 800,
        "loss_dis": 1.2310361862182617
    },
    {
        "epoch": 1,
        "elapsed_time": 141.72456760200294,
        "loss_gen": 1.0315916538238525,
        "iteration": 900,
        "loss_dis": 1.2472312450408936
    },
    {
        "epoch": 1,
        "elapsed_time": 157.60053572499965,
        "loss_gen": 1.0745562314987183,
        "iteration": 1000,
        "loss_dis": 1.2049036026000977
    },
    {
        "epoch": 1,
        "elapsed_time": 173.44683133000217,
        "loss_gen": 1.0559096336364746,
        "iteration": 1100,
        "loss_dis": 1.1673974990844727
    },
    {
        "epoch": 1,
        "elapsed_time": 189.414175746002,
        "loss_gen": 1.093220829963684,
        "iteration": 1200,
        "loss_dis": 1.1631324291229248
    },
    {
        "epoch": 1,
        "elapsed_time": 205.30053539500295,
        "loss_gen": 1.059729814529419,
        "iteration": 1300,
        "loss_dis": 1.1731466054916382
    },
    {
        "epoch": 1,
        "elapsed_time": 221.2664683050025,
        "loss_gen": 1.1583106517791748,
        "iteration": 1400,
        "loss_dis": 1.119998574256897
    },
    {
        "epoch": 1,
        "elapsed_time": 237.34577187800096,
        "loss_gen": 1.165633201599121,
        "iteration": 1500,
        "loss_dis": 1.1642929315567017
    },
    {
        "epoch": 2,
        "elapsed_time": 253.7387823930003,
        "loss_gen": 1.0654430389404297,
        "iteration": 1600,
        "loss_dis": 1.1705480813980103
    },
    {
        "epoch": 2,
        "elapsed_time": 269.75624305699966,
        "loss_gen": 1.1619086265563965,
        "iteration": 1700,
        "loss_dis": 1.1438020467758179
    },
    {
        "epoch": 2,
        "elapsed_time": 285.99167244000273,
        "loss_gen": 1.2146077156066895,
        "iteration": 1800,
        "loss_dis": 1.1315122842788696
    },
    {
        "epoch": 2,
        "elapsed_time": 302.14946476300247,
        "loss_gen": 1.266809105873108,
        "iteration": 1900,
        "loss_dis": 1.1059373617172241
    },
    {
        "epoch": 2,
        "elapsed_time": 318.1414947170015,
        "loss_gen": 1.2062714099884033,
        "iteration": 2000,
        "loss_dis": 1.114794135093689
    },
    {
        "epoch": 2,
        "elapsed_time": 334.26267441800155,
        "loss_gen": 1.1536492109298706,
        "iteration": 2100,
        "loss_dis": 1.1469866037368774
    },
    {
        "epoch": 2,
        "elapsed_time": 350.37229707400184,
        "loss_gen": 1.1934659481048584,
        "iteration": 2200,
        "loss_dis": 1.133374810218811
    },
    {
        "epoch": 2,
        "elapsed_time": 366.3743907980024,
        "loss_gen": 1.1839666366577148,
        "iteration": 2300,
        "loss_dis": 1.1448631286621094
    },
    {
        "epoch": 3,
        "elapsed_time": 382.37442842100063,
        "loss_gen": 1.1440861225128174,
        "iteration": 2400,
        "loss_dis": 1.1534385681152344
    },
    {
        "epoch": 3,
        "elapsed_time": 398.3548144000015,
        "loss_gen": 1.103459358215332,
        "iteration": 2500,
        "loss_dis": 1.1550732851028442
    },
    {
        "epoch": 3,
        "elapsed_time": 414.3766313039996,
        "loss_gen": 1.0715943574905396,
        "iteration": 2600,
        "loss_dis": 1.174324870109558
    },
    {
        "epoch": 3,
        "elapsed_time": 430.3580309780009,
        "loss_gen": 1.0744606256484985,
        "iteration": 2700,
        "loss_dis": 1.171457290649414
    },
    {
        "epoch": 3,
        "elapsed_time": 446.55578258800233,
        "loss_gen": 1.0908498764038086,
        "iteration": 2800,
        "loss_dis": 1.1752581596374512
    },
    {
        "epoch": 3,
        "elapsed_time": 462.7685115050008,
        "loss_gen": 1.081272840499878,
        "iteration": 2900,
        "loss_dis": 1.1896777153015137
    },
    {
        "epoch": 3,
        "elapsed_time": 478.8781784560015,
        "loss_gen": 0.7699595093727112,
        "iteration": 3000,
        "loss_dis": 1.3435988426208496
    },
    {
        "epoch": 3,
        "elapsed_time": 495.36312886200176,
        "loss_gen": 1.002158522605896,
        "iteration": 3100,
        "loss_dis": 1.189578652381897
    },
    {
        "epoch": 4,
        "elapsed_time": 511.4674748840007,
        "loss_gen": 0.9625333547592163,
        "iteration": 3200,
        "loss_dis": 1.2283134460449219
    },
    {
        "epoch": 4,
        "elapsed_time": 527.5021703870007,
        "loss_gen": 0.9348376393318176,
        "iteration": 3300,
        "loss_dis": 1.2499003410339355
    },
    {
        "epoch": 4,
        "elapsed_time": 543.5066875450029,
        "loss_gen": 0.9811648726463318,
        "iteration": 3400,
        "loss_dis": 1.2197291851043701
    },
    {
        "epoch": 4,
        "elapsed_time": 559.5049601680003,
        "loss_gen": 0.9715720415115356,
        "iteration": 3500,
        "loss_dis": 1.2289081811904907
    },
    {
        "epoch": 4,
        "elapsed_time": 575.5303370800029,
        "loss_gen": 0.9498393535614014,
        "iteration": 3600,
        "loss_dis": 1.226901888847351
    },
    {
        "epoch": 4,
        "elapsed_time": 591.5876349749997,
        "loss_gen": 0.9161486029624939,
        "iteration": 3700,
        "loss_dis": 1.2659403085708618
    },
    {
        "epoch": 4,
        "elapsed_time": 607.6653291930015,
        "loss_gen": 1.0162978172302246,
        "iteration": 3800,
        "loss_dis": 1.1914674043655396
    },
    {
        "epoch": 4,
        "elapsed_time": 623.6630826649998,
        "loss_gen": 0.8888228535652161,
        "iteration": 3900,
        "loss_dis": 1.2892109155654907
    },
    {
        "epoch": 5,
        "elapsed_time": 639.7453283790019,
        "loss_gen": 0.959565281867981,
        "iteration": 4000,
        "loss_dis": 1.2634109258651733
    },
    {
        "epoch": 5,
        "elapsed_time": 655.778474124003,
        "loss_gen": 0.9310457110404968,
        "iteration": 4100,
        "loss_dis": 1.2402466535568237
    },
    {
        "epoch": 5,
        "elapsed_time": 672.1581564240005,
        "loss_gen": 0.9565495252609253,
        "iteration": 4200,
        "loss_dis": 1.2375129461288452
    },
    {
        "epoch": 5,
        "elapsed_time": 688.5651673640023,
        "loss_gen": 0.8759729266166687,
        "iteration": 4300,
        "loss_dis": 1.2722238302230835
    },
    {
        "epoch": 5,
        "elapsed_time": 704.9441318740028,
        "loss_gen": 0.9914792776107788,
        "iteration": 4400,
        "loss_dis": 1.204299807548523
    },
    {
        "epoch": 5,
        "elapsed_time": 721.2862437010008,
        "loss_gen": 0.993064284324646,
        "iteration": 4500,
        "loss_dis": 1.2003616094589233
    },
    {
        "epoch": 5,
        "elapsed_time": 737.8016334070016,
        "loss_gen": 0.933837354183197,
        "iteration": 4600,
        "loss_dis": 1.2695728540420532
    },
    {
        "epoch": 6,
        "elapsed_time": 754.3819184330023,
        "loss_gen": 0.9627326726913452,
        "iteration": 4700,
        "loss_dis": 1.2131596803665161
    },
    {
        "epoch": 6,
        "elapsed_time": 770.6428358680023,
        "loss_gen": 0.9956792593002319,
        "iteration": 4800,
        "loss_dis": 1.179744005203247
    },
    {
        "epoch": 6,
        "elapsed_time": 786.6307627610004,
        "loss_gen": 0.9934707880020142,
        "iteration": 4900,
        "loss_dis": 1.2077034711837769
    },
    {
        "epoch": 6,
        "elapsed_time": 802.6870157530029,
        "loss_gen": 0.8498188257217407,
        "iteration": 5000,
        "loss_dis": 1.30633544921875
    },
    {
        "epoch": 6,
        "elapsed_time": 818.7855249870008,
        "loss_gen": 0.9567528367042542,
        "iteration": 5100,
        "loss_dis": 1.217799425125122
    },
    {
        "epoch": 6,
        "elapsed_time": 834.8844070280029,
        "loss_gen": 0.9951223134994507,
        "iteration": 5200,
        "loss_dis": 1.185707688331604
    },
    {
        "epoch": 6,
        "elapsed_time": 851.0661950400026,
        "loss_gen": 0.9584091901779175,
        "iteration": 5300,
        "loss_dis": 1.2099273204803467
    },
    {
        "epoch": 6,
        "elapsed_time": 867.2199919560007,
        "loss_gen": 0.9279273748397827,
        "iteration": 5400,
        "loss_dis": 1.2758136987686157
    },
    {
        "epoch": 7,
        "elapsed_time": 883.3152377520018,
        "loss_gen": 0.7989920973777771,
        "iteration": 5500,
        "loss_dis": 1.309464931488037
    },
    {
        "epoch": 7,
        "elapsed_time": 899.3050413830024,
        "loss_gen": 0.9156144857406616,
        "iteration": 5600,
        "loss_dis": 1.24839448928833
    },
    {
        "epoch": 7,
        "elapsed_time": 915.3129995529998,
        "loss_gen": 0.9125227332115173,
        "iteration": 5700,
        "loss_dis": 1.2265933752059937
    },
    {
        "epoch": 7,
        "elapsed_time": 931.3506451700014,
        "loss_gen": 0.9732204675674438,
        "iteration": 5800,
        "loss_dis": 1.2121943235397339
    },
    {
        "epoch": 7,
        "elapsed_time": 947.3474206150022,
        "loss_gen": 0.873833417892456,
        "iteration": 5900,
        "loss_dis": 1.278988242149353
    },
    {
        "epoch": 7,
        "elapsed_time": 963.5279337989996,
        "loss_gen": 0.8548834919929504,
        "iteration": 6000,
        "loss_dis": 1.265829086303711
    },
    {
        "epoch": 7,
        "elapsed_time": 979.7406576130015,
        "loss_gen": 0.9949131011962891,
        "iteration": 6100,
        "loss_dis": 1.1996181011199951
    },
    {
        "epoch": 7,
        "elapsed_time": 995.7985955370023,
        "loss_gen": 0.9351345896720886,
        "iteration": 6200,
        "loss_dis": 1.2431766986846924
    },
    {
        "epoch": 8,
        "elapsed_time": 1012.0377369730013,
        "loss_gen": 0.9472734332084656,
        "iteration": 6300,
        "loss_dis": 1.2053142786026
    },
    {
        "epoch": 8,
        "elapsed_time": 1028.2725357340023,
        "loss_gen": 0.9081949591636658,
        "iteration": 6400,
        "loss_dis": 1.2629340887069702
    },
    {
        "epoch": 8,
        "elapsed_time": 1044.4945289429998,
        "loss_gen": 0.9326909780502319,
        "iteration": 6500,
        "loss_dis": 1.231276273727417
    },
    {
        "epoch": 8,
        "elapsed_time": 1060.6312531479998,
        "loss_gen": 0.9807733297348022,
        "iteration": 6600,
        "loss_dis": 1.184128761291504
    },
    {
        "epoch": 8,
        "elapsed_time": 1076.8396960270002,
        "loss_gen": 1.0159679651260376,
        "iteration": 6700,
        "loss_dis": 1.199242353439331
    },
    {
        "epoch": 8,
        "elapsed_time": 1093.032542791003,
        "loss_gen": 0.9196959733963013,
        "iteration": 6800,
        "loss_dis": 1.2423728704452515
    },
    {
        "epoch": 8,
        "elapsed_time": 1109.1676100510012,
        "loss_gen": 1.0052201747894287,
        "iteration": 6900,
        "loss_dis": 1.1757912635803223
    },
    {
        "epoch": 8,
        "elapsed_time": 1125.3953408390007,
        "loss_gen": 0.8430665731430054,
        "iteration": 7000,
        "loss_dis": 1.3035517930984497
    },
    {
        "epoch": 9,
        "elapsed_time": 1141.6298658680025,
        "loss_gen": 0.9419267773628235,
        "iteration": 7100,
        "loss_dis": 1.221405029296875
    },
    {
        "epoch": 9,
        "elapsed_time": 1157.7713461910025,
        "loss_gen": 0.9237982034683228,
        "iteration": 7200,
        "loss_dis": 1.2270466089248657
    },
    {
        "epoch": 9,
        "elapsed_time": 1173.9239214629997,
        "loss_gen": 0.9910821318626404,
        "iteration": 7300,
        "loss_dis": 1.184648036956787
    },
    {
        "epoch": 9,
        "elapsed_time": 1190.0216831610014,
        "loss_gen": 0.9364097714424133,
        "iteration": 7400,
        "loss_dis": 1.225684404373169
    },
    {
        "epoch": 9,
        "elapsed_time": 1206.2129503659999,
        "loss_gen": 0.955859363079071,
        "iteration": 7500,
        "loss_dis": 1.220367670059204
    },
    {
        "epoch": 9,
        "elapsed_time": 1222.447220080001,
        "loss_gen": 0.9577524662017822,
        "iteration": 7600,
        "loss_dis": 1.1919041872024536
    },
    {
        "epoch": 9,
        "elapsed_time": 1238.684652207001,
        "loss_gen": 0.952732264995575,
        "iteration": 7700,
        "loss_dis": 1.2224879264831543
    },
    {
        "epoch": 9,
        "elapsed_time": 1254.9039954140026,
        "loss_gen": 0.8739261031150818,
        "iteration": 7800,
        "loss_dis": 1.2741831541061401
    },
    {
        "epoch": 10,
        "elapsed_time": 1271.4103364700022,
        "loss_gen": 0.9422821998596191,
        "iteration": 7900,
        "loss_dis": 1.2358558177947998
    },
    {
        "epoch": 10,
        "elapsed_time": 1287.7534255259998,
        "loss_gen": 0.8329633474349976,
        "iteration": 8000,
        "loss_dis": 1.2881169319152832
    },
    {
        "epoch": 10,
        "elapsed_time": 1303.832291961,
        "loss_gen": 0.9220045208930969,
        "iteration": 8100,
        "loss_dis": 1.227415680885315
    },
    {
        "epoch": 10,
        "elapsed_time": 1319.8456586380016,
        "loss_gen": 0.9375028014183044,
        "iteration": 8200,
        "loss_dis": 1.218490481376648
    },
    {
        "epoch": 10,
        "elapsed_time": 1335.9261224580005,
        "loss_gen": 0.9407956600189209,
        "iteration": 8300,
        "loss_dis": 1.231170892715454
    },
    {
        "epoch": 10,
        "elapsed_time": 1352.1397988120007,
        "loss_gen": 0.9274701476097107,
        "iteration": 8400,
        "loss_dis": 1.2202017307281494
    },
    {
        "epoch": 10,
        "elapsed_time": 1368.3612459489996,
        "loss_gen": 1.0003061294555664,
        "iteration": 8500,
        "loss_dis": 1.1928273439407349
    },
    {
        "epoch": 11,
        "elapsed_time": 1384.6094848860012,
        "loss_gen": 0.8949694037437439,
        "iteration": 8600,
        "loss_dis": 1.2475520372390747
    },
    {
        "epoch": 11,
        "elapsed_time": 1400.8005674980013,
        "loss_gen": 0.930513322353363,
        "iteration": 8700,
        "loss_dis": 1.2338907718658447
    },
    {
        "epoch": 11,
        "elapsed_time": 1417.0013313769996,
        "loss_gen": 0.9512882828712463,
        "iteration": 8800,
        "loss_dis": 1.1912989616394043
    },
    {
        "epoch": 11,
        "elapsed_time": 1433.0638872380005,
        "loss_gen": 0.9554862380027771,
        "iteration": 8900,
        "loss_dis": 1.209272861480713
    },
    {
        "epoch": 11,
        "elapsed_time": 1449.2078087100017,
        "loss_gen": 0.9418751001358032,
        "iteration": 9000,
        "loss_dis": 1.2062596082687378
    },
    {
        "epoch": 11,
        "elapsed_time": 1465.339640688002,
        "loss_gen": 1.0050702095031738,
        "iteration": 9100,
        "loss_dis": 1.1903437376022339
    },
    {
        "epoch": 11,
        "elapsed_time": 1481.6092186349997,
        "loss_gen": 0.9078681468963623,
        "iteration": 9200,
        "loss_dis": 1.2348430156707764
    },
    {
        "epoch": 11,
        "elapsed_time": 1497.6624477100013,
        "loss_gen": 0.9512755870819092,
        "iteration": 9300,
        "loss_dis": 1.1986510753631592
    },
    {
        "epoch": 12,
        "elapsed_time": 1513.7909983950012,
        "loss_gen": 0.8967663645744324,
        "iteration": 9400,
        "loss_dis": 1.2453670501708984
    },
    {
        "epoch": 12,
        "elapsed_time": 1529.9018528550005,
        "loss_gen": 1.0186712741851807,
        "iteration": 9500,
        "loss_dis": 1.1672993898391724
    },
    {
        "epoch": 12,
        "elapsed_time": 1545.9554398590008,
        "loss_gen": 0.9862464070320129,
        "iteration": 9600,
        "loss_dis": 1.1919962167739868
    },
    {
        "epoch": 12,
        "elapsed_time": 1562.0135578570007,
        "loss_gen": 0.9905287027359009,
        "iteration": 9700,
        "loss_dis": 1.1808810234069824
    },
    {
        "epoch": 12,
        "elapsed_time": 1578.060582117003,
        "loss_gen": 0.970227062702179,
        "iteration": 9800,
        "loss_dis": 1.1849724054336548
    },
    {
        "epoch": 12,
        "elapsed_time": 1594.1603201020007,
        "loss_gen": 0.9672811627388,
        "iteration": 9900,
        "loss_dis": 1.1830635070800781
    },
    {
        "epoch": 12,
        "elapsed_time": 1610.4609576360017,
        "loss_gen": 0.9007778763771057,
        "iteration": 10000,
        "loss_dis": 1.2396955490112305
    },
    {
        "epoch": 12,
        "elapsed_time": 1627.8025699300015,
        "loss_gen": 0.9295190572738647,
        "iteration": 10100,
        "loss_dis": 1.2345596551895142
    },
    {
        "epoch": 13,
        "elapsed_time": 1644.0482532410024,
        "loss_gen": 0.9477868676185608,
        "iteration": 10200,
        "loss_dis": 1.1943920850753784
    },
    {
        "epoch": 13,
        "elapsed_time": 1660.262621388003,
        "loss_gen": 0.972841739654541,
        "iteration": 10300,
        "loss_dis": 1.1855412721633911
    },
    {
        "epoch": 13,
        "elapsed_time": 1676.546489137003,
        "loss_gen": 1.0034610033035278,
        "iteration": 10400,
        "loss_dis": 1.1917535066604614
    },
    {
        "epoch": 13,
        "elapsed_time": 1693.0035039290015,
        "loss_gen": 0.9713372588157654,
        "iteration": 10500,
        "loss_dis": 1.1818283796310425
    },
    {
        "epoch": 13,
        "elapsed_time": 1709.044947030001,
        "loss_gen": 1.0022952556610107,
        "iteration": 10600,
        "loss_dis": 1.1589068174362183
    },
    {
        "epoch": 13,
        "elapsed_time": 1725.202753425001,
        "loss_gen": 0.9987540245056152,
        "iteration": 10700,
        "loss_dis": 1.1620231866836548
    },
    {
        "epoch": 13,
        "elapsed_time": 1741.3404522519995,
        "loss_gen": 1.0155476331710815,
        "iteration": 10800,
        "loss_dis": 1.1434054374694824
    },
    {
        "epoch": 13,
        "elapsed_time": 1757.4686333380014,
        "loss_gen": 0.9738211631774902,
        "iteration": 10900,
        "loss_dis": 1.1992292404174805
    },
    {
        "epoch": 14,
        "elapsed_time": 1773.5803594890021,
        "loss_gen": 1.026843547821045,
        "iteration": 11000,
        "loss_dis": 1.1567739248275757
    },
    {
        "epoch": 14,
        "elapsed_time": 1790.0175313649997,
        "loss_gen": 1.0312752723693848,
        "iteration": 11100,
        "loss_dis": 1.1387360095977783
    },
    {
        "epoch": 14,
        "elapsed_time": 1806.1827648020007,
        "loss_gen": 1.0050777196884155,
        "iteration": 11200,
        "loss_dis": 1.1554033756256104
    },
    {
        "epoch": 14,
        "elapsed_time": 1822.3921807520019,
        "loss_gen": 1.0115410089492798,
        "iteration": 11300,
        "loss_dis": 1.1552234888076782
    },
    {
        "epoch": 14,
        "elapsed_time": 1838.4009917860021,
        "loss_gen": 1.0185812711715698,
        "iteration": 11400,
        "loss_dis": 1.1600333452224731
    },
    {
        "epoch": 14,
        "elapsed_time": 1854.4521105700005,
        "loss_gen": 0.9588524699211121,
        "iteration": 11500,
        "loss_dis": 1.1776552200317383
    },
    {
        "epoch": 14,
        "elapsed_time": 1870.635098259001,
        "loss_gen": 0.9253041744232178,
        "iteration": 11600,
        "loss_dis": 1.2331560850143433
    },
    {
        "epoch": 14,
        "elapsed_time": 1886.8269848730015,
        "loss_gen": 1.0098655223846436,
        "iteration": 11700,
        "loss_dis": 1.1586949825286865
    },
    {
        "epoch": 15,
        "elapsed_time": 1903.134212631001,
        "loss_gen": 0.9925573468208313,
        "iteration": 11800,
        "loss_dis": 1.1592804193496704
    },
    {
        "epoch": 15,
        "elapsed_time": 1919.3535478289996,
        "loss_gen": 1.0105977058410645,
        "iteration": 11900,
        "loss_dis": 1.1394375562667847
    },
    {
        "epoch": 15,
        "elapsed_time": 1935.7425363069997,
        "loss_gen": 0.850849986076355,
        "iteration": 12000,
        "loss_dis": 1.2943114042282104
    },
    {
        "epoch": 15,
        "elapsed_time": 1951.8167176280003,
        "loss_gen": 1.0332022905349731,
        "iteration": 12100,
        "loss_dis": 1.1266582012176514
    },
    {
        "epoch": 15,
        "elapsed_time": 1968.0952382190007,
        "loss_gen": 1.0382862091064453,
        "iteration": 12200,
        "loss_dis": 1.130488634109497
    },
    {
        "epoch": 15,
        "elapsed_time": 1984.3199855330022,
        "loss_gen": 1.0500843524932861,
        "iteration": 12300,
        "loss_dis": 1.1238696575164795
    },
    {
        "epoch": 15,
        "elapsed_time": 2000.436136913002,
        "loss_gen": 1.0494552850723267,
        "iteration": 12400,
        "loss_dis": 1.1351453065872192
    },
    {
        "epoch": 16,
        "elapsed_time": 2016.4762492830014,
        "loss_gen": 1.0334869623184204,
        "iteration": 12500,
        "loss_dis": 1.1519137620925903
    },
    {
        "epoch": 16,
        "elapsed_time": 2032.621962029003,
        "loss_gen": 1.0484192371368408,
        "iteration": 12600,
        "loss_dis": 1.0973725318908691
    },
    {
        "epoch": 16,
        "elapsed_time": 2048.8675146120004,
        "loss_gen": 0.943457841873169,
        "iteration": 12700,
        "loss_dis": 1.2144049406051636
    },
    {
        "epoch": 16,
        "elapsed_time": 2065.0913502130024,
        "loss_gen": 1.0443824529647827,
        "iteration": 12800,
        "loss_dis": 1.1262178421020508
    },
    {
        "epoch": 16,
        "elapsed_time": 2081.2462896610014,
        "loss_gen": 1.0207449197769165,
        "iteration": 12900,
        "loss_dis": 1.140881061553955
    },
    {
        "epoch": 16,
        "elapsed_time": 2097.543363285,
        "loss_gen": 1.0600086450576782,
        "iteration": 13000,
        "loss_dis": 1.1292802095413208
    },
    {
        "epoch": 16,
        "elapsed_time": 2113.676748291,
        "loss_gen": 1.050492525100708,
        "iteration": 13100,
        "loss_dis": 1.1272345781326294
    },
    {
        "epoch": 16,
        "elapsed_time": 2129.711028463,
        "loss_gen": 1.0396685600280762,
        "iteration": 13200,
        "loss_dis": 1.1375113725662231
    },
    {
        "epoch": 17,
        "elapsed_time": 2145.792538548001,
        "loss_gen": 1.075301170349121,
        "iteration": 13300,
        "loss_dis": 1.0962669849395752
    },
    {
        "epoch": 17,
        "elapsed_time": 2161.9127390150024,
        "loss_gen": 1.0853086709976196,
        "iteration": 13400,
        "loss_dis": 1.0914722681045532
    },
    {
        "epoch": 17,
        "elapsed_time": 2178.0607697900014,
        "loss_gen": 1.1122225522994995,
        "iteration": 13500,
        "loss_dis": 1.1046539545059204
    },
    {
        "epoch": 17,
        "elapsed_time": 2194.493660555003,
        "loss_gen": 1.0630309581756592,
        "iteration": 13600,
        "loss_dis": 1.0938719511032104
    },
    {
        "epoch": 17,
        "elapsed_time": 2210.8203104679997,
        "loss_gen": 1.0888092517852783,
        "iteration": 13700,
        "loss_dis": 1.0904817581176758
    },
    {
        "epoch": 17,
        "elapsed_time": 2226.9468183900026,
        "loss_gen": 1.0438710451126099,
        "iteration": 13800,
        "loss_dis": 1.1247352361679077
    },
    {
        "epoch": 17,
        "elapsed_time": 2243.1015938560013,
        "loss_gen": 1.070169448852539,
        "iteration": 13900,
        "loss_dis": 1.113611102104187
    },
    {
        "epoch": 17,
        "elapsed_time": 2259.2497227970016,
        "loss_gen": 1.0736464262008667,
        "iteration": 14000,
        "loss_dis": 1.0908159017562866
    },
    {
        "epoch": 18,
        "elapsed_time": 2275.416178411,
        "loss_gen": 1.0612844228744507,
        "iteration": 14100,
        "loss_dis": 1.1099015474319458
    },
    {
        "epoch": 18,
        "elapsed_time": 2291.640498341003,
        "loss_gen": 1.0630401372909546,
        "iteration": 14200,
        "loss_dis": 1.1126326322555542
    },
    {
        "epoch": 18,
        "elapsed_time": 2307.8431476250007,
        "loss_gen": 1.1016896963119507,
        "iteration": 14300,
        "loss_dis": 1.0824742317199707
    },
    {
        "epoch": 18,
        "elapsed_time": 2324.0747493670024,
        "loss_gen": 1.0994973182678223,
        "iteration": 14400,
        "loss_dis": 1.0789684057235718
    },
    {
        "epoch": 18,
        "elapsed_time": 2340.1032869690025,
        "loss_gen": 1.0992779731750488,
        "iteration": 14500,
        "loss_dis": 1.0756137371063232
    },
    {
        "epoch": 18,
        "elapsed_time": 2356.133502005003,
        "loss_gen": 1.1353726387023926,
        "iteration": 14600,
        "loss_dis": 1.0628941059112549
    },
    {
        "epoch": 18,
        "elapsed_time": 2372.172668411,
        "loss_gen": 1.1297376155853271,
        "iteration": 14700,
        "loss_dis": 1.0632890462875366
    },
    {
        "epoch": 18,
        "elapsed_time": 2388.206461124002,
        "loss_gen": 1.1149224042892456,
        "iteration": 14800,
        "loss_dis": 1.0597044229507446
    },
    {
        "epoch": 19,
        "elapsed_time": 2404.2296644769995,
        "loss_gen": 1.1321756839752197,
        "iteration": 14900,
        "loss_dis": 1.051753044128418
    },
    {
        "epoch": 19,
        "elapsed_time": 2420.1904093910016,
        "loss_gen": 1.1083238124847412,
        "iteration": 15000,
        "loss_dis": 1.0744836330413818
    },
    {
        "epoch": 19,
        "elapsed_time": 2436.255271881,
        "loss_gen": 1.104721188545227,
        "iteration": 15100,
        "loss_dis": 1.076987624168396
    },
    {
        "epoch": 19,
        "elapsed_time": 2452.250387791002,
        "loss_gen": 1.132588505744934,
        "iteration": 15200,
        "loss_dis": 1.049851417541504
    },
    {
        "epoch": 19,
        "elapsed_time": 2468.2988759,
        "loss_gen": 1.0897349119186401,
        "iteration": 15300,
        "loss_dis": 1.0803043842315674
    },
    {
        "epoch": 19,
        "elapsed_time": 2484.3681708870026,
        "loss_gen": 1.1368721723556519,
        "iteration": 15400,
        "loss_dis": 1.039655327796936
    },
    {
        "epoch": 19,
        "elapsed_time": 2500.3651552400006,
        "loss_gen": 1.149876356124878,
        "iteration": 15500,
        "loss_dis": 1.037028193473816
    },
    {
        "epoch": 19,
        "elapsed_time": 2516.4082037219996,
        "loss_gen": 1.0554969310760498,
        "iteration": 15600,
        "loss_dis": 1.1172831058502197
    },
    {
        "epoch": 20,
        "elapsed_time": 2532.3779979690007,
        "loss_gen": 1.1069936752319336,
        "iteration": 15700,
        "loss_dis": 1.0534952878952026
    },
    {
        "epoch": 20,
        "elapsed_time": 2548.4436080680025,
        "loss_gen": 1.1322071552276611,
        "iteration": 15800,
        "loss_dis": 1.0346075296401978
    },
    {
        "epoch": 20,
        "elapsed_time": 2564.517480466002,
        "loss_gen": 1.1399998664855957,
        "iteration": 15900,
        "loss_dis": 1.041736364364624
    },
    {
        "epoch": 20,
        "elapsed_time": 2580.5280985320023,
        "loss_gen": 1.1309548616409302,
        "iteration": 16000,
        "loss_dis": 1.059019923210144
    },
    {
        "epoch": 20,
        "elapsed_time": 2596.5035206520006,
        "loss_gen": 1.1426200866699219,
        "iteration": 16100,
        "loss_dis": 1.0268685817718506
    },
    {
        "epoch": 20,
        "elapsed_time": 2612.577828458001,
        "loss_gen": 1.1028480529785156,
        "iteration": 16200,
        "loss_dis": 1.0547106266021729
    },
    {
        "epoch": 20,
        "elapsed_time": 2629.0187497040024,
        "loss_gen": 1.0997495651245117,
        "iteration": 16300,
        "loss_dis": 1.058942437171936
    },
    {
        "epoch": 20,
        "elapsed_time": 2645.028802363002,
        "loss_gen": 1.1163485050201416,
        "iteration": 16400,
        "loss_dis": 1.0427372455596924
    },
    {
        "epoch": 21,
        "elapsed_time": 2661.057912909,
        "loss_gen": 1.154911756515503,
        "iteration": 16500,
        "loss_dis": 1.0427405834197998
    },
    {
        "epoch": 21,
        "elapsed_time": 2677.154454779,
        "loss_gen": 1.1445090770721436,
        "iteration": 16600,
        "loss_dis": 1.0466078519821167
    },
    {
        "epoch": 21,
        "elapsed_time": 2693.2350374710004,
        "loss_gen": 1.1462154388427734,
        "iteration": 16700,
        "loss_dis": 1.0392358303070068
    },
    {
        "epoch": 21,
        "elapsed_time": 2709.2470310930003,
        "loss_gen": 1.1416627168655396,
        "iteration": 16800,
        "loss_dis": 1.0608258247375488
    },
    {
        "epoch": 21,
        "elapsed_time": 2725.230924886,
        "loss_gen": 1.1366126537322998,
        "iteration": 16900,
        "loss_dis": 1.0243133306503296
    },
    {
        "epoch": 21,
        "elapsed_time": 2741.2541828739995,
        "loss_gen": 1.1418043375015259,
        "iteration": 17000,
        "loss_dis": 1.0134540796279907
    },
    {
        "epoch": 21,
        "elapsed_time": 2757.2230305440025,
        "loss_gen": 1.141160488128662,
        "iteration": 17100,
        "loss_dis": 1.0351128578186035
    },
    {
        "epoch": 22,
        "elapsed_time": 2773.1941418999995,
        "loss_gen": 1.1467583179473877,
        "iteration": 17200,
        "loss_dis": 1.0324037075042725
    },
    {
        "epoch": 22,
        "elapsed_time": 2789.628291899,
        "loss_gen": 1.1401158571243286,
        "iteration": 17300,
        "loss_dis": 1.0292980670928955
    },
    {
        "epoch": 22,
        "elapsed_time": 2805.6625755070017,
        "loss_gen": 1.1542128324508667,
        "iteration": 17400,
        "loss_dis": 1.0407239198684692
    },
    {
        "epoch": 22,
        "elapsed_time": 2821.8129302630005,
        "loss_gen": 1.1629717350006104,
        "iteration": 17500,
        "loss_dis": 1.0254267454147339
    },
    {
        "epoch": 22,
        "elapsed_time": 2837.831246793001,
        "loss_gen": 1.1352660655975342,
        "iteration": 17600,
        "loss_dis": 1.011523962020874
    },
    {
        "epoch": 22,
        "elapsed_time": 2853.813553602002,
        "loss_gen": 1.1563019752502441,
        "iteration": 17700,
        "loss_dis": 1.017222285270691
    },
    {
        "epoch": 22,
        "elapsed_time": 2869.8750770210027,
        "loss_gen": 1.14912748336792,
        "iteration": 17800,
        "loss_dis": 1.0283493995666504
    },
    {
        "epoch": 22,
        "elapsed_time": 2885.885058947002,
        "loss_gen": 1.16374933719635,
        "iteration": 17900,
        "loss_dis": 1.0258156061172485
    },
    {
        "epoch": 23,
        "elapsed_time": 2901.910981819001,
        "loss_gen": 1.135084629058838,
        "iteration": 18000,
        "loss_dis": 1.0408446788787842
    },
    {
        "epoch": 23,
        "elapsed_time": 2917.979557046001,
        "loss_gen": 1.1638799905776978,
        "iteration": 18100,
        "loss_dis": 1.0057796239852905
    },
    {
        "epoch": 23,
        "elapsed_time": 2934.0362881750007,
        "loss_gen": 1.1540486812591553,
        "iteration": 18200,
        "loss_dis": 1.0222997665405273
    },
    {
        "epoch": 23,
        "elapsed_time": 2950.0925633860024,
        "loss_gen": 1.17002534866333,
        "iteration": 18300,
        "loss_dis": 1.0046606063842773
    },
    {
        "epoch": 23,
        "elapsed_time": 2966.1857845250015,
        "loss_gen": 1.1196200847625732,
        "iteration": 18400,
        "loss_dis": 1.0530860424041748
    },
    {
        "epoch": 23,
        "elapsed_time": 2982.239024829003,
        "loss_gen": 1.1414114236831665,
        "iteration": 18500,
        "loss_dis": 1.0232009887695312
    },
    {
        "epoch": 23,
        "elapsed_time": 2998.323918176,
        "loss_gen": 1.1633492708206177,
        "iteration": 18600,
        "loss_dis": 1.0198057889938354
    },
    {
        "epoch": 23,
        "elapsed_time": 3014.3555530500016,
        "loss_gen": 1.1346930265426636,
        "iteration": 18700,
        "loss_dis": 1.0108741521835327
    },
    {
        "epoch": 24,
        "elapsed_time": 3030.396697567001,
        "loss_gen": 1.1736547946929932,
        "iteration": 18800,
        "loss_dis": 1.0265254974365234
    },
    {
        "epoch": 24,
        "elapsed_time": 3046.451127979002,
        "loss_gen": 1.1714133024215698,
        "iteration": 18900,
        "loss_dis": 1.0177984237670898
    },
    {
        "epoch": 24,
        "elapsed_time": 3062.4808467210023,
        "loss_gen": 1.1606212854385376,
        "iteration": 19000,
        "loss_dis": 0.9988632202148438
    },
    {
        "epoch": 24,
        "elapsed_time": 3078.497318400001,
        "loss_gen": 1.1733992099761963,
        "iteration": 19100,
        "loss_dis": 1.0072052478790283
    },
    {
        "epoch": 24,
        "elapsed_time": 3094.5905887920017,
        "loss_gen": 1.1316912174224854,
        "iteration": 19200,
        "loss_dis": 1.0424362421035767
    },
    {
        "epoch": 24,
        "elapsed_time": 3110.6729335620003,
        "loss_gen": 1.176893711090088,
        "iteration": 19300,
        "loss_dis": 1.0039911270141602
    },
    {
        "epoch": 24,
        "elapsed_time": 3127.1471775829996,
        "loss_gen": 1.1747632026672363,
        "iteration": 19400,
        "loss_dis": 1.0218950510025024
    },
    {
        "epoch": 24,
        "elapsed_time": 3143.1853199630023,
        "loss_gen": 1.1585745811462402,
        "iteration": 19500,
        "loss_dis": 1.0276302099227905
    },
    {
        "epoch": 25,
        "elapsed_time": 3159.366836483001,
        "loss_gen": 1.1656830310821533,
        "iteration": 19600,
        "loss_dis": 1.0018311738967896
    },
    {
        "epoch": 25,
        "elapsed_time": 3175.8184929430026,
        "loss_gen": 1.1850214004516602,
        "iteration": 19700,
        "loss_dis": 1.0183346271514893
    },
    {
        "epoch": 25,
        "elapsed_time": 3192.2067817429997,
        "loss_gen": 1.1624373197555542,
        "iteration": 19800,
        "loss_dis": 0.9918648600578308
    },
    {
        "epoch": 25,
        "elapsed_time": 3208.3682493740016,
        "loss_gen": 1.1837520599365234,
        "iteration": 19900,
        "loss_dis": 1.0108189582824707
    },
    {
        "epoch": 25,
        "elapsed_time": 3224.501510410002,
        "loss_gen": 1.162905216217041,
        "iteration": 20000,
        "loss_dis": 1.0172550678253174
    },
    {
        "epoch": 25,
        "elapsed_time": 3241.7303836380015,
        "loss_gen": 1.171379804611206,
        "iteration": 20100,
        "loss_dis": 0.9929621815681458
    },
    {
        "epoch": 25,
        "elapsed_time": 3257.781400516,
        "loss_gen": 1.1187492609024048,
        "iteration": 20200,
        "loss_dis": 1.0457044839859009
    },
    {
        "epoch": 25,
        "elapsed_time": 3273.8306475940008,
        "loss_gen": 1.159322738647461,
        "iteration": 20300,
        "loss_dis": 0.980694055557251
    },
    {
        "epoch": 26,
        "elapsed_time": 3290.029600873,
        "loss_gen": 1.1585255861282349,
        "iteration": 20400,
        "loss_dis": 1.0227028131484985
    },
    {
        "epoch": 26,
        "elapsed_time": 3306.3429272310022,
        "loss_gen": 1.178987979888916,
        "iteration": 20500,
        "loss_dis": 1.0145468711853027
    },
    {
        "epoch": 26,
        "elapsed_time": 3322.491803328001,
        "loss_gen": 1.1850481033325195,
        "iteration": 20600,
        "loss_dis": 0.991607129573822
    },
    {
        "epoch": 26,
        "elapsed_time": 3338.5795934710004,
        "loss_gen": 1.168429970741272,
        "iteration": 20700,
        "loss_dis": 1.0165057182312012
    },
    {
        "epoch": 26,
        "elapsed_time": 3354.6401674010012,
        "loss_gen": 1.1740285158157349,
        "iteration": 20800,
        "loss_dis": 0.9971247911453247
    },
    {
        "epoch": 26,
        "elapsed_time": 3370.7380538200014,
        "loss_gen": 1.1533769369125366,
        "iteration": 20900,
        "loss_dis": 1.0119166374206543
    },
    {
        "epoch": 26,
        "elapsed_time": 3386.894316533002,
        "loss_gen": 1.1814274787902832,
        "iteration": 21000,
        "loss_dis": 0.9792606234550476
    },
    {
        "epoch": 27,
        "elapsed_time": 3402.987798434002,
        "loss_gen": 1.160927414894104,
        "iteration": 21100,
        "loss_dis": 1.029961347579956
    },
    {
        "epoch": 27,
        "elapsed_time": 3419.2660758290003,
        "loss_gen": 1.1743443012237549,
        "iteration": 21200,
        "loss_dis": 1.0000710487365723
    },
    {
        "epoch": 27,
        "elapsed_time": 3435.712374914001,
        "loss_gen": 1.1483975648880005,
        "iteration": 21300,
        "loss_dis": 1.0252715349197388
    },
    {
        "epoch": 27,
        "elapsed_time": 3451.9741350460026,
        "loss_gen": 1.1569359302520752,
        "iteration": 21400,
        "loss_dis": 0.9997007846832275
    },
    {
        "epoch": 27,
        "elapsed_time": 3468.088039813003,
        "loss_gen": 1.1501632928848267,
        "iteration": 21500,
        "loss_dis": 1.0503227710723877
    },
    {
        "epoch": 27,
        "elapsed_time": 3484.1409616519995,
        "loss_gen": 1.180641531944275,
        "iteration": 21600,
        "loss_dis": 0.9860830903053284
    },
    {
        "epoch": 27,
        "elapsed_time": 3500.4218461950004,
        "loss_gen": 1.1678276062011719,
        "iteration": 21700,
        "loss_dis": 1.0076937675476074
    },
    {
        "epoch": 27,
        "elapsed_time": 3516.472574626001,
        "loss_gen": 1.1893669366836548,
        "iteration": 21800,
        "loss_dis": 0.9977789521217346
    },
    {
        "epoch": 28,
        "elapsed_time": 3532.533675805,
